package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedBatchTest {

    /** Results come out in item order although later items finish first; in-flight weight stays within the budget. */
    @Test
    void resultsInOrderAndWeightInFlightBounded() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong most = new AtomicLong();
        List<Integer> seen = new ArrayList<>();
        OrderedBatch.run(items, i -> 10, i -> {
            most.accumulateAndGet(inFlight.addAndGet(10), Math::max);
            try {
                Thread.sleep(i % 7 == 0 ? 3 : 0); // some early items are slow, so later ones finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.addAndGet(-10);
            return i;
        }, seen::add, 4, 64, 35);
        assertEquals(items, seen);
        assertTrue(most.get() <= 30, "weight in flight reached " + most.get() + " with a budget of 35");
        assertTrue(most.get() >= 20, "ran in parallel: " + most.get());
    }

    /** An item heavier than the whole budget still runs (alone). */
    @Test
    void anItemHeavierThanTheBudgetRunsAlone() {
        List<Integer> seen = new ArrayList<>();
        OrderedBatch.run(List.of(1, 2, 3), i -> i == 2 ? 1_000 : 1, i -> i * 10, seen::add, 2, 64, 100);
        assertEquals(List.of(10, 20, 30), seen);
    }

    @Test
    void aFailureInATaskReachesTheCaller() {
        var e = assertThrows(IllegalStateException.class, () -> OrderedBatch.run(List.of(1, 2, 3), i -> 1, i -> {
            if (i == 2) throw new IllegalStateException("boom " + i);
            return i;
        }, r -> {}, 2, 64, 100));
        assertEquals("boom 2", e.getMessage());
    }
}
