package vn.commune.petition.projections.rebuild;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections a run writes on at once: Spring's writer threads, each task in a transaction of its
 * own. A run splits its work into as many parts as there are writers.
 */
record Writers(ThreadPoolTaskExecutor threads, TransactionTemplate transaction) {

    int parts() {
        return threads.getMaxPoolSize();
    }

    /** Starts the tasks; what is returned completes once every one of them has ended. */
    CompletableFuture<Void> start(List<Runnable> tasks) {
        return CompletableFuture.allOf(tasks.stream()
                .map(task -> CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> task.run()),
                        threads))
                .toArray(CompletableFuture[]::new));
    }

    /** Runs the tasks and returns once every one has ended; the first failure is thrown. */
    void run(List<Runnable> tasks) {
        await(start(tasks));
    }

    static void await(CompletableFuture<Void> writing) {
        try {
            writing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
