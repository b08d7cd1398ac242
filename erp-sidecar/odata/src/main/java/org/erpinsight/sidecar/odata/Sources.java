package org.erpinsight.sidecar.odata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.erpinsight.sidecar.core.ErpException;
import org.erpinsight.sidecar.core.ErrorCode;
import org.erpinsight.sidecar.core.Party;
import org.erpinsight.sidecar.core.PartyKind;
import org.erpinsight.sidecar.core.UseCases;

/** The two shapes of source the ERP's use cases allow: its parties, paged; and rows per customer, customer after customer. */
final class Sources {
    /** Parties are read this many at a time. */
    static final int PARTY_PAGE = 500;

    private Sources() {
    }

    /** A page of a customer's rows from an offset: empty at the end. */
    interface CustomerRows<T> {
        List<T> page(String customer, int offset);
    }

    /** Customers or suppliers in the ERP's order; position: how many came before. */
    static Source<Party> parties(UseCases uses, PartyKind kind) {
        return (position, pinned) -> {
            if (pinned != null) {
                return single(() -> kind == PartyKind.CUSTOMER ? uses.parties().customer(pinned) : uses.parties().supplier(pinned));
            }
            int start = position == null ? 0 : Positions.whole(position);
            return new Paged<>(start, offset -> uses.parties().parties(kind, offset, PARTY_PAGE).parties());
        };
    }

    /**
     * Each customer's rows, customer after customer in the ERP's order (or one customer's, when pinned);
     * position: the customer's place among the customers and the row's place among its rows ("c.r").
     */
    static <T> Source<T> perCustomer(UseCases uses, CustomerRows<T> rows) {
        return (position, pinned) -> {
            int[] at = position == null ? new int[] {0, 0} : Positions.pair(position);
            if (pinned != null) {
                return new Rows<>(List.of(pinned).iterator(), 0, at[1], rows);
            }
            Paged<Party> customers = new Paged<>(at[0], offset -> uses.parties().parties(PartyKind.CUSTOMER, offset, PARTY_PAGE).parties());
            Iterator<String> numbers = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return customers.hasNext();
                }

                @Override
                public String next() {
                    return customers.next().row().number();
                }
            };
            return new Rows<>(numbers, at[0], at[1], rows);
        };
    }

    private static <T> Iterator<Source.Positioned<T>> single(java.util.function.Supplier<T> read) {
        try {
            return List.of(new Source.Positioned<>(read.get(), null)).iterator();
        } catch (ErpException e) {
            if (e.code() == ErrorCode.CUSTOMER_NOT_FOUND || e.code() == ErrorCode.SUPPLIER_NOT_FOUND || e.code() == ErrorCode.NOT_FOUND) {
                return java.util.Collections.emptyIterator();
            }
            throw e;
        }
    }

    /** Rows read a page at a time from an offset; each row's position is the offset after it. */
    private static final class Paged<T> implements Iterator<Source.Positioned<T>> {
        private final Function<Integer, List<T>> page;
        private final Deque<T> buffer = new ArrayDeque<>();
        private int offset;
        private boolean end;

        Paged(int offset, Function<Integer, List<T>> page) {
            this.offset = offset;
            this.page = page;
        }

        @Override
        public boolean hasNext() {
            if (buffer.isEmpty() && !end) {
                List<T> read = page.apply(offset);
                buffer.addAll(read);
                end = read.isEmpty();
            }
            return !buffer.isEmpty();
        }

        @Override
        public Source.Positioned<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            offset++;
            return new Source.Positioned<>(buffer.removeFirst(), Integer.toString(offset));
        }
    }

    /** Customer after customer, each one's rows page by page. */
    private static final class Rows<T> implements Iterator<Source.Positioned<T>> {
        private final Iterator<String> customers;
        private final CustomerRows<T> rows;
        private final Deque<T> buffer = new ArrayDeque<>();
        private String customer;
        private int customerIndex;
        private int offset;
        /** Where the first customer's rows begin; the following customers' begin at their first. */
        private int firstOffset;
        private boolean customerDone = true;

        Rows(Iterator<String> customers, int customerIndex, int offset, CustomerRows<T> rows) {
            this.customers = customers;
            this.rows = rows;
            this.customerIndex = customerIndex - 1;
            this.firstOffset = offset;
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty()) {
                if (customerDone) {
                    if (!customers.hasNext()) {
                        return false;
                    }
                    customer = customers.next();
                    customerIndex++;
                    offset = firstOffset;
                    firstOffset = 0;
                    customerDone = false;
                }
                List<T> read;
                try {
                    read = rows.page(customer, offset);
                } catch (ErpException e) {
                    if (e.code() != ErrorCode.CUSTOMER_NOT_FOUND) {
                        throw e;
                    }
                    read = List.of();
                }
                buffer.addAll(read);
                customerDone = read.isEmpty();
            }
            return true;
        }

        @Override
        public Source.Positioned<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            offset++;
            return new Source.Positioned<>(buffer.removeFirst(), customerIndex + "." + offset);
        }
    }
}
