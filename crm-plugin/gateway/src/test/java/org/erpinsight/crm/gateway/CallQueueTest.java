package org.erpinsight.crm.gateway;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.erpinsight.crm.gateway.CallQueue.Work;
import org.junit.Test;

/** The places in flight: page views go before background work, each in order of arrival, and nobody waits past the deadline. */
public class CallQueueTest {
    private static Thread waiter(CallQueue queue, Work work, String name, List<String> admitted) {
        Thread t = new Thread(() -> {
            try {
                if (queue.enter(work, TimeUnit.SECONDS.toNanos(10))) {
                    admitted.add(name);
                    queue.leave(work);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    private static void untilWaiting(CallQueue queue, int n) throws InterruptedException {
        while (queue.waiting() < n) {
            Thread.sleep(5);
        }
    }

    @Test
    public void pageViewsGoBeforeBackgroundWorkThatCameEarlier() throws Exception {
        CallQueue queue = new CallQueue(1, 1);
        assertTrue(queue.enter(Work.PAGE, 0));
        List<String> admitted = new CopyOnWriteArrayList<>();
        Thread run = waiter(queue, Work.BACKGROUND, "suggestion run", admitted);
        untilWaiting(queue, 1);
        Thread first = waiter(queue, Work.PAGE, "page 1", admitted);
        untilWaiting(queue, 2);
        Thread second = waiter(queue, Work.PAGE, "page 2", admitted);
        untilWaiting(queue, 3);

        queue.leave(Work.PAGE);
        for (Thread t : List.of(run, first, second)) {
            t.join(10_000);
        }

        assertEquals(List.of("page 1", "page 2", "suggestion run"), admitted);
        assertEquals(0, queue.inFlight());
    }

    @Test
    public void backgroundWorkHoldsNoMoreThanItsPlacesSoPagesFindRoom() throws Exception {
        CallQueue queue = new CallQueue(3, 1);
        assertTrue(queue.enter(Work.BACKGROUND, 0));
        assertFalse("a second background call waits although places are free", queue.enter(Work.BACKGROUND, TimeUnit.MILLISECONDS.toNanos(50)));
        assertTrue(queue.enter(Work.PAGE, 0));
        assertTrue(queue.enter(Work.PAGE, 0));
        assertFalse("all three places taken", queue.enter(Work.PAGE, TimeUnit.MILLISECONDS.toNanos(50)));
        assertEquals(0, queue.waiting());
        assertEquals(3, queue.inFlight());
    }

    @Test
    public void aCallThatFindsNoPlaceInTimeLeavesTheLine() throws Exception {
        CallQueue queue = new CallQueue(1, 1);
        assertTrue(queue.enter(Work.PAGE, 0));
        long start = System.nanoTime();
        assertFalse(queue.enter(Work.PAGE, TimeUnit.MILLISECONDS.toNanos(100)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(0, queue.waiting());
        queue.leave(Work.PAGE);
        assertTrue("the place given back is free", queue.enter(Work.PAGE, 0));
    }
}
