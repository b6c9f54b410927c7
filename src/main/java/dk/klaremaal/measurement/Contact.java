package dk.klaremaal.measurement;

import java.time.Instant;
import java.util.Objects;

/**
 * A call, e-mail or letter to an organisation: offered (rang, arrived) at {@code offeredAt}, then
 * answered at {@code answeredAt}, or abandoned by the caller, or still pending (neither).
 */
public record Contact(long organisationId, String contactId, String channel, Instant offeredAt, Instant answeredAt,
                      boolean abandoned, String outcome) {

    public boolean pending() {
        return answeredAt == null && !abandoned;
    }

    public boolean sameAs(Contact other) {
        return organisationId == other.organisationId && contactId.equals(other.contactId) && channel.equals(other.channel)
                && offeredAt.equals(other.offeredAt) && Objects.equals(answeredAt, other.answeredAt)
                && abandoned == other.abandoned && Objects.equals(outcome, other.outcome);
    }

    /** A pending contact may later be completed: same channel and offered time, now answered or abandoned. */
    public boolean completes(Contact stored) {
        return stored.pending() && !pending() && channel.equals(stored.channel) && offeredAt.equals(stored.offeredAt);
    }
}
