package dk.klaremaal.measurement;

import dk.klaremaal.platform.IngestReport;
import dk.klaremaal.platform.IngestReport.RowError;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The row errors of one upload. Every error is counted and every refused row remembered (one bit a
 * row), but only the errors of the {@link #KEPT} lowest rows are kept to report, so that a file of
 * millions of bad rows costs no more memory than a file of a thousand.
 */
final class RowErrors {

    static final int KEPT = 1_000;

    /** An error and the order it came in, so a row's errors are reported in the order they were found. */
    private record Numbered(long seq, RowError error) {
    }

    private static final Comparator<Numbered> ORDER = Comparator.<Numbered>comparingInt(n -> n.error().row()).thenComparingLong(Numbered::seq);

    /** The kept errors, the last (highest row) first, so the one to give up for a lower row is at hand. */
    private final PriorityQueue<Numbered> kept = new PriorityQueue<>(ORDER.reversed());
    private final BitSet rows = new BitSet();
    private int added;
    private final List<RowError> view = new AbstractList<>() {
        @Override
        public RowError get(int index) {
            throw new UnsupportedOperationException("row errors are only added and counted");
        }

        /** Every error added, kept or not: the row checks compare sizes to see whether a row failed. */
        @Override
        public int size() {
            return added;
        }

        @Override
        public boolean add(RowError error) {
            RowErrors.this.add(error);
            return true;
        }
    };

    void add(RowError error) {
        added++;
        rows.set(error.row());
        Numbered numbered = new Numbered(added, error);
        if (kept.size() < KEPT) {
            kept.add(numbered);
        } else if (ORDER.compare(numbered, kept.peek()) < 0) {
            kept.poll();
            kept.add(numbered);
        }
    }

    /** A list the row checks ({@link dk.klaremaal.platform.RowFields}) add their errors to. */
    List<RowError> list() {
        return view;
    }

    boolean isEmpty() {
        return added == 0;
    }

    /** The refusal: how many rows were refused, and the errors of the first of them in row order. */
    IngestReport report(int rowCount, int duplicates) {
        List<RowError> errors = kept.stream().sorted(ORDER).map(Numbered::error).toList();
        return new IngestReport(false, rowCount, 0, duplicates, rows.cardinality(), errors);
    }
}
