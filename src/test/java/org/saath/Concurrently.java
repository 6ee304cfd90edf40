package org.saath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on their own threads at once, for the concurrency tests; rethrows the first failure. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every task on its own thread and returns their results in order. */
    public static <T> List<T> runAll(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Runs the tasks released together by a barrier, so they really meet, and returns their results. */
    @SafeVarargs
    public static <T> List<T> together(Callable<T>... tasks) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(tasks.length);
        List<Callable<T>> released = new ArrayList<>();
        for (Callable<T> task : tasks) {
            released.add(() -> {
                barrier.await();
                return task.call();
            });
        }
        return runAll(released);
    }
}
