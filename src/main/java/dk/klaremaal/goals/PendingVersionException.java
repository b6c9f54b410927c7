package dk.klaremaal.goals;

import dk.klaremaal.platform.InvalidInputException;

/**
 * A goal is changed while an earlier change of it still awaits approval: one goal has one new version
 * at a time, so that one is changed (or approved, or sent back) instead. The API answers 409.
 */
public class PendingVersionException extends InvalidInputException {

    private final long pendingId;

    PendingVersionException(long goalId, long pendingId) {
        super("id", "goal " + goalId + " already has a new version that is not published yet (goal " + pendingId
                + "); change that one, or have it approved or sent back, instead");
        this.pendingId = pendingId;
    }

    public long pendingId() {
        return pendingId;
    }
}
