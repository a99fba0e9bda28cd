package dev.portcullis.admin.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.portcullis.i18n.Messages;

/**
 * Bulk work in bounded batches: each call of {@link #step()} takes the next batch of ids and runs it in its own
 * transaction. A failing batch is rolled back by its transaction and stops the job; batches before it stay done,
 * and the report says exactly which rows were done, which batch failed and why.
 */
final class BulkJob {

    private static final int LISTED_IDS = 20;

    private final String verb;
    private final String noun;
    private final Supplier<List<Object>> nextBatch;
    private final Function<List<Object>, Integer> runBatch;
    private final long total;
    private final List<Object> doneIds = new ArrayList<>();
    private long done;
    private int batches;
    private List<Object> pending;
    private List<Object> failedBatch;
    private String failure;
    private boolean finished;
    private boolean cancelled;

    /**
     * @param verb past tense for the report, e.g. "Deleted"
     * @param noun plural noun, e.g. "books"
     * @param nextBatch the ids of the next batch, empty when there are no more
     * @param runBatch runs one batch in one transaction, throws when it fails
     * @param total how many rows the job expects to process, or -1 when unknown
     */
    BulkJob(String verb, String noun, Supplier<List<Object>> nextBatch, Function<List<Object>, Integer> runBatch,
            long total) {
        this.verb = verb;
        this.noun = noun;
        this.nextBatch = nextBatch;
        this.runBatch = runBatch;
        this.total = total;
    }

    /** Ids in fixed-size batches, for an explicit selection. */
    static Supplier<List<Object>> batchesOf(List<Object> ids, int size) {
        int[] position = {0};
        return () -> {
            List<Object> batch = List.copyOf(ids.subList(position[0], Math.min(ids.size(), position[0] + size)));
            position[0] += batch.size();
            return batch;
        };
    }

    /**
     * Runs the next batch; returns false once there is nothing more to do (finished, failed or cancelled). The batch
     * after it is looked up straight away, so the last batch already reports that the job is done.
     */
    boolean step() {
        if (finished) {
            return false;
        }
        if (cancelled) {
            finished = true;
            return false;
        }
        List<Object> batch = pending != null ? pending : nextBatch.get();
        pending = null;
        if (batch.isEmpty()) {
            finished = true;
            return false;
        }
        try {
            done += runBatch.apply(batch);
            batches++;
            if (doneIds.size() <= LISTED_IDS) {
                doneIds.addAll(batch);
            }
            pending = nextBatch.get();
            if (pending.isEmpty()) {
                finished = true;
                return false;
            }
        } catch (RuntimeException failed) {
            failedBatch = batch;
            failure = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
            finished = true;
            return false;
        }
        return true;
    }

    void cancel() {
        cancelled = true;
    }

    boolean finished() {
        return finished;
    }

    boolean failed() {
        return failure != null;
    }

    long done() {
        return done;
    }

    /** Between 0 and 1, or -1 when the total is unknown. */
    double progress() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    String status() {
        return total > 0 ? Messages.get("list.bulk.statusOf", verb, number(done), number(total), noun)
                : Messages.get("list.bulk.status", verb, number(done), noun);
    }

    /** What happened, for the user: rows done (with ids when few), the failed batch and its reason. */
    String report() {
        StringBuilder text = new StringBuilder(done > 0 && doneIds.size() <= LISTED_IDS
                ? Messages.get("list.bulk.reportIds", verb, number(done), noun, ids(doneIds))
                : done > 0 ? Messages.get("list.bulk.reportBatches", verb, number(done), noun, number(batches))
                : Messages.get("list.bulk.report", verb, number(done), noun));
        if (failure != null) {
            text.append(' ').append(Messages.get("list.bulk.failed", number(failedBatch.size()), ids(failedBatch),
                    failure));
        } else if (cancelled) {
            text.append(' ').append(Messages.get("list.bulk.stopped"));
        }
        return text.toString();
    }

    private static String ids(List<Object> ids) {
        List<String> shown = ids.stream().limit(LISTED_IDS).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > LISTED_IDS ? ", …" : "");
    }

    private static String number(long value) {
        return ListTexts.number(value);
    }
}
