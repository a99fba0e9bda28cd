package dev.portcullis.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs many attempts at the same moment, one thread each, for tests of races: every thread waits until all are
 * ready, then all are released together.
 */
public final class Parallel {

    /** One attempt; {@code index} tells the attempts apart. */
    public interface Attempt<T> {
        T run(int index) throws Exception;
    }

    private Parallel() {
    }

    /** Runs {@code count} attempts on as many threads, released together; their results in attempt order. */
    public static <T> List<T> all(int count, Attempt<T> attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return attempt.run(index);
                };
                futures.add(threads.submit(task));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
