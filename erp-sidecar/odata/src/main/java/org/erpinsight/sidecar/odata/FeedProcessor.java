package org.erpinsight.sidecar.odata;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.olingo.commons.api.data.ComplexValue;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.erpinsight.sidecar.core.ErpException;

/**
 * Answers the feed's reads: an entity set with {@code $filter}, {@code $orderby}, {@code $top},
 * {@code $skip}, {@code $count} and {@code $select}, one entity by key, and {@code /$count}.
 *
 * <p>Pages are server-driven: at most {@link #PAGE} rows (a client may ask for fewer with
 * {@code Prefer: odata.maxpagesize}), then an {@code @odata.nextLink} whose {@code $skiptoken}
 * says where in the ERP's order the next page begins, so no page reads the rows before it again
 * and memory holds one page whatever the set's size. A filter on the customer number reads that
 * customer's rows only. {@code $orderby} sorts in memory, so it is refused beyond
 * {@link #MAX_ORDERED} rows: narrow it with {@code $filter}, or sort in the reporting tool.
 */
final class FeedProcessor implements CountEntityCollectionProcessor, EntityProcessor {
    static final int PAGE = 1000;
    static final int MAX_PAGE = 5000;
    static final int MAX_ORDERED = 100_000;

    private final Feeds feeds;
    private OData odata;
    private ServiceMetadata metadata;

    FeedProcessor(Feeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uri);
        try {
            collection(feeds.feed(set.getName()), set, request, response, uri, format);
        } catch (ErpException e) {
            throw erpFailed(e);
        } catch (Positions.BadQuery e) {
            throw RowFilter.bad(e.getMessage());
        }
    }

    private <T> void collection(Feed<T> feed, EdmEntitySet set, ODataRequest request, ODataResponse response, UriInfo uri,
                                ContentType format) throws ODataApplicationException, ODataLibraryException {
        refuseUnsupported(uri);
        Expression filter = uri.getFilterOption() == null ? null : uri.getFilterOption().getExpression();
        List<OrderByItem> order = uri.getOrderByOption() == null ? List.of() : uri.getOrderByOption().getOrders();
        Integer top = uri.getTopOption() == null ? null : uri.getTopOption().getValue();
        int skip = uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue();
        boolean count = uri.getCountOption() != null && uri.getCountOption().getValue();
        Token token = uri.getSkipTokenOption() == null ? null : Token.parse(uri.getSkipTokenOption().getValue(), !order.isEmpty());
        Integer preferred = odata.createPreferences(request.getHeaders(HttpHeader.PREFER)).getMaxPageSize();
        int pageSize = preferred == null ? PAGE : Math.max(1, Math.min(MAX_PAGE, preferred));
        int delivered = token == null ? 0 : token.delivered();
        int wanted = top == null ? pageSize : Math.min(pageSize, Math.max(0, top - delivered));
        String pinned = RowFilter.pinned(filter, feed.pinnable());
        RowFilter<T> rows = new RowFilter<>(feed);

        EntityCollection page = new EntityCollection();
        Token next = null;
        if (order.isEmpty()) {
            Iterator<Source.Positioned<T>> source = feed.source().from(token == null ? null : token.position(), pinned);
            int skipped = token == null ? 0 : skip; // $skip counts once, on the first page
            String last = token == null ? null : token.position();
            while (source.hasNext()) {
                Source.Positioned<T> row = source.next();
                if (!rows.accepts(filter, row.row())) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                    last = row.next();
                    continue;
                }
                if (page.getEntities().size() == wanted) {
                    // one more row exists: the next page begins after the last one shown, unless $top is reached
                    if (top == null || delivered + wanted < top) {
                        next = new Token(last, delivered + wanted);
                    }
                    break;
                }
                page.getEntities().add(entity(feed, row.row()));
                last = row.next();
            }
        } else {
            List<T> all = new ArrayList<>();
            Iterator<Source.Positioned<T>> source = feed.source().from(null, pinned);
            while (source.hasNext()) {
                T row = source.next().row();
                if (rows.accepts(filter, row)) {
                    if (all.size() == MAX_ORDERED) {
                        throw RowFilter.bad("$orderby sorts at most " + MAX_ORDERED + " rows; narrow the set with $filter, or sort in the reporting tool");
                    }
                    all.add(row);
                }
            }
            all.sort(comparator(rows, order));
            // the next link leaves $skip out: its token holds the index in the sorted rows
            int from = token == null ? skip : Positions.whole(token.position());
            int to = Math.min(all.size(), from + wanted);
            for (int i = from; i < to; i++) {
                page.getEntities().add(entity(feed, all.get(i)));
            }
            if (to < all.size() && (top == null || delivered + wanted < top)) {
                next = new Token(Integer.toString(to), delivered + wanted);
            }
        }
        if (count) {
            page.setCount(count(feed, rows, filter, pinned));
        }
        if (next != null) {
            page.setNext(nextLink(request, next.text(!order.isEmpty())));
        }
        SelectOption select = uri.getSelectOption();
        ODataSerializer serializer = odata.createSerializer(format);
        ContextURL context = ContextURL.with().serviceRoot(serviceRoot(request)).entitySet(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(set.getEntityType(), null, select)).build();
        EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with().contextURL(context)
                .id(request.getRawBaseUri() + "/" + set.getName()).count(uri.getCountOption()).select(select).build();
        response.setContent(serializer.entityCollection(metadata, set.getEntityType(), page, options).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
        if (preferred != null) {
            response.setHeader(HttpHeader.PREFERENCE_APPLIED, "odata.maxpagesize=" + pageSize);
        }
    }

    /** The service root as the client addressed it: context URLs are absolute, as some BI tools want. */
    private static URI serviceRoot(ODataRequest request) {
        return URI.create(request.getRawBaseUri() + "/");
    }

    /** Where the next page begins: a position in the ERP's order (or an index in the sorted rows), and how many rows came before. */
    private record Token(String position, int delivered) {
        static Token parse(String text, boolean ordered) {
            String[] parts = text.split("~");
            if (parts.length != 3 || !parts[0].equals(ordered ? "o" : "n")) {
                throw new Positions.BadQuery("$skiptoken '" + text + "' is not one this feed gave for this query");
            }
            return new Token(parts[1], Positions.whole(parts[2]));
        }

        String text(boolean ordered) {
            return (ordered ? "o" : "n") + "~" + position + "~" + delivered;
        }
    }

    /** The request's own address with $skip left out and the new $skiptoken: the rest of the query stays as the client wrote it. */
    private static URI nextLink(ODataRequest request, String token) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQueryPath();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                String decoded = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
                if (part.isEmpty() || decoded.equals("$skip") || decoded.equals("$skiptoken")) {
                    continue;
                }
                query.append(query.length() == 0 ? "" : "&").append(part);
            }
        }
        query.append(query.length() == 0 ? "" : "&").append("$skiptoken=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + query);
    }

    private <T> Comparator<T> comparator(RowFilter<T> rows, List<OrderByItem> order) {
        Comparator<T> result = null;
        for (OrderByItem item : order) {
            Comparator<T> one = (a, b) -> {
                try {
                    return RowFilter.compare(rows.value(item.getExpression(), a), rows.value(item.getExpression(), b));
                } catch (ODataApplicationException e) {
                    throw new Positions.BadQuery(e.getMessage());
                }
            };
            if (item.isDescending()) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    /** How many rows pass the filter: the whole set read once, a page at a time. */
    private static <T> int count(Feed<T> feed, RowFilter<T> rows, Expression filter, String pinned) throws ODataApplicationException {
        int n = 0;
        Iterator<Source.Positioned<T>> source = feed.source().from(null, pinned);
        while (source.hasNext()) {
            if (rows.accepts(filter, source.next().row())) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uri);
        int n;
        try {
            n = countOf(feeds.feed(set.getName()), uri);
        } catch (ErpException e) {
            throw erpFailed(e);
        }
        response.setContent(new java.io.ByteArrayInputStream(Integer.toString(n).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    private <T> int countOf(Feed<T> feed, UriInfo uri) throws ODataApplicationException {
        Expression filter = uri.getFilterOption() == null ? null : uri.getFilterOption().getExpression();
        return count(feed, new RowFilter<>(feed), filter, RowFilter.pinned(filter, feed.pinnable()));
    }

    @Override
    public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        EdmEntitySet set = entitySet(uri);
        List<UriParameter> keys = ((UriResourceEntitySet) uri.getUriResourceParts().get(0)).getKeyPredicates();
        String key = keys.get(0).getText();
        if (!key.startsWith("'")) {
            throw RowFilter.bad("The key of " + set.getName() + " is text: " + set.getName() + "('…')");
        }
        String number = key.substring(1, key.length() - 1).replace("''", "'");
        Entity entity;
        try {
            entity = find(feeds.feed(set.getName()), number);
        } catch (ErpException e) {
            throw erpFailed(e);
        }
        if (entity == null) {
            throw new ODataApplicationException("No " + set.getEntityType().getName() + " " + number, HttpStatusCode.NOT_FOUND.getStatusCode(),
                    Locale.ROOT);
        }
        SelectOption select = uri.getSelectOption();
        ContextURL context = ContextURL.with().serviceRoot(serviceRoot(request)).entitySet(set).suffix(ContextURL.Suffix.ENTITY)
                .selectList(odata.createUriHelper().buildContextURLSelectList(set.getEntityType(), null, select)).build();
        response.setContent(odata.createSerializer(format).entity(metadata, set.getEntityType(), entity,
                EntitySerializerOptions.with().contextURL(context).select(select).build()).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    /** One row by key: read directly where the key pins the source (parties, overviews), else found in the set. */
    private static <T> Entity find(Feed<T> feed, String number) {
        Iterator<Source.Positioned<T>> source = feed.source().from(null, feed.key().equals(feed.pinnable()) ? number : null);
        Column<T> key = feed.keyColumn();
        while (source.hasNext()) {
            T row = source.next().row();
            if (number.equals(key.value().apply(row))) {
                return entity(feed, row);
            }
        }
        return null;
    }

    private static <T> Entity entity(Feed<T> feed, T row) {
        Entity entity = new Entity();
        for (Column<T> c : feed.columns()) {
            entity.addProperty(new Property(null, c.name(), ValueType.PRIMITIVE, value(c.value().apply(row))));
        }
        if (feed.lines() != null) {
            entity.addProperty(lines(feed.lines(), row));
        }
        String key = String.valueOf(feed.keyColumn().value().apply(row)).replace("'", "''");
        entity.setId(URI.create(feed.set() + "('" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "')"));
        return entity;
    }

    private static <T, L> Property lines(Feed.Lines<T, L> lines, T row) {
        List<ComplexValue> values = new ArrayList<>();
        for (L line : lines.of().apply(row)) {
            ComplexValue value = new ComplexValue();
            for (Column<L> c : lines.columns()) {
                value.getValue().add(new Property(null, c.name(), ValueType.PRIMITIVE, value(c.value().apply(line))));
            }
            values.add(value);
        }
        return new Property(null, lines.name(), ValueType.COLLECTION_COMPLEX, values);
    }

    /** Values as Olingo's serializer takes them (a day as a LocalDate: no time zone involved). */
    private static Object value(Object value) {
        return value;
    }

    private static EdmEntitySet entitySet(UriInfo uri) throws ODataApplicationException {
        List<UriResource> parts = uri.getUriResourceParts();
        if (parts.isEmpty() || !(parts.get(0) instanceof UriResourceEntitySet set) || parts.size() > 2) {
            throw new ODataApplicationException("This feed serves entity sets, their entities and $count only",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        return set.getEntitySet();
    }

    private static void refuseUnsupported(UriInfo uri) throws ODataApplicationException {
        if (uri.getExpandOption() != null) {
            throw new ODataApplicationException("$expand is not supported: the feed has no navigation properties",
                    HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT);
        }
        if (uri.getSearchOption() != null || uri.getApplyOption() != null) {
            throw new ODataApplicationException("$search and $apply are not supported: use $filter", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
                    Locale.ROOT);
        }
    }

    private static ODataApplicationException erpFailed(ErpException e) {
        return new ODataApplicationException(e.getMessage(), e.code().httpStatus() >= 500 ? e.code().httpStatus() : 400, Locale.ROOT,
                e.code().name());
    }

    @Override
    public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType in, ContentType out)
            throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType in, ContentType out)
            throws ODataApplicationException {
        throw readOnly();
    }

    @Override
    public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri) throws ODataApplicationException {
        throw readOnly();
    }

    private static ODataApplicationException readOnly() {
        return new ODataApplicationException("The feed is read only", HttpStatusCode.METHOD_NOT_ALLOWED.getStatusCode(), Locale.ROOT);
    }
}
