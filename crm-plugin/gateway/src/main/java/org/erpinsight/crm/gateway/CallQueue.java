package org.erpinsight.crm.gateway;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The places for calls in flight to one sidecar (a bulkhead): at most {@code places} at once, of
 * which background work may hold at most {@code backgroundPlaces}. A call that finds no free place
 * waits in line; page views go before background work, and each kind goes in order of arrival,
 * so a burst of users is served fairly and a suggestion run cannot starve the pages.
 */
final class CallQueue {
    /** Who is waiting for the ERP's figures: a user looking at a page, or the CRM's background work. */
    enum Work {
        PAGE, BACKGROUND
    }

    private static final class Waiter {
        final Work work;
        final Condition turn;
        boolean admitted;

        Waiter(Work work, Condition turn) {
            this.work = work;
            this.turn = turn;
        }
    }

    private final int places;
    private final int backgroundPlaces;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> pages = new ArrayDeque<>();
    private final ArrayDeque<Waiter> background = new ArrayDeque<>();
    private int inFlight;
    private int backgroundInFlight;

    CallQueue(int places, int backgroundPlaces) {
        this.places = Math.max(1, places);
        this.backgroundPlaces = Math.max(1, Math.min(this.places, backgroundPlaces));
    }

    int places() {
        return places;
    }

    /**
     * Takes a place, waiting at most {@code timeoutNanos} for one; false when none came in time.
     * Every place taken must be given back with {@link #leave(Work)}.
     */
    boolean enter(Work work, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            boolean nobodyAhead = pages.isEmpty() && (work == Work.PAGE || background.isEmpty());
            if (nobodyAhead && free(work)) {
                take(work);
                return true;
            }
            Waiter waiter = new Waiter(work, lock.newCondition());
            line(work).addLast(waiter);
            long left = timeoutNanos;
            try {
                while (!waiter.admitted) {
                    if (left <= 0) {
                        line(work).remove(waiter);
                        return false;
                    }
                    left = waiter.turn.awaitNanos(left);
                }
                return true;
            } catch (InterruptedException e) {
                if (waiter.admitted) {
                    // admitted while being interrupted: hand the place on
                    give(work);
                } else {
                    line(work).remove(waiter);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives a place back; the next in line (a page view first) takes it. */
    void leave(Work work) {
        lock.lock();
        try {
            give(work);
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return pages.size() + background.size();
        } finally {
            lock.unlock();
        }
    }

    private ArrayDeque<Waiter> line(Work work) {
        return work == Work.PAGE ? pages : background;
    }

    private boolean free(Work work) {
        return inFlight < places && (work == Work.PAGE || backgroundInFlight < backgroundPlaces);
    }

    private void take(Work work) {
        inFlight++;
        if (work == Work.BACKGROUND) {
            backgroundInFlight++;
        }
    }

    private void give(Work work) {
        inFlight--;
        if (work == Work.BACKGROUND) {
            backgroundInFlight--;
        }
        while (inFlight < places) {
            Waiter next = pages.peekFirst();
            if (next == null) {
                next = background.peekFirst();
                if (next == null || backgroundInFlight >= backgroundPlaces) {
                    return;
                }
            }
            line(next.work).removeFirst();
            take(next.work);
            next.admitted = true;
            next.turn.signal();
        }
    }
}
