package dk.klaremaal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without giving anyone a way to lock a person out: wrong passwords are
 * counted per client address and account. The first {@code free-attempts} cost nothing; after that
 * each attempt from that address at that account must wait twice as long as the one before
 * ({@code first-delay-seconds}, then twice that, and so on, at most {@code max-delay-seconds}) after the last wrong one. The account's owner, signing in
 * from their own address, is never held back by someone else's guesses. A right password clears the
 * count; counts a day old are forgotten. The per-address limit on sign-in attempts
 * ({@link RateLimitFilter}) comes on top. Stored in the database, so every node applies the same delay.
 */
@Component
class SignInDelays {

    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeAttempts;
    private final long firstDelaySeconds;
    private final long maxDelaySeconds;

    SignInDelays(JdbcClient jdbc, Clock clock, @Value("${klaremaal.sign-in.free-attempts:5}") int freeAttempts,
                 @Value("${klaremaal.sign-in.first-delay-seconds:1}") long firstDelaySeconds,
                 @Value("${klaremaal.sign-in.max-delay-seconds:900}") long maxDelaySeconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.firstDelaySeconds = firstDelaySeconds;
        this.maxDelaySeconds = maxDelaySeconds;
    }

    /** How many seconds this address must still wait before it may try this account's password again (0: it may now). */
    long secondsToWait(String address, String username) {
        record Failures(int count, Instant last) {
        }
        Instant now = clock.instant();
        return jdbc.sql("select failures, last_failed_at from sign_in_failure where address = ? and username = ? and last_failed_at > ?")
                .params(address, key(username), Timestamp.from(now.minus(FORGOTTEN_AFTER)))
                .query((rs, i) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant())).optional()
                .map(f -> Math.max(0, Duration.between(now, f.last().plusSeconds(delay(f.count()))).toMillis() + 999) / 1000)
                .orElse(0L);
    }

    /** The wait after {@code failures} wrong passwords in a row. */
    long delay(int failures) {
        int over = failures - freeAttempts;
        return over < 0 ? 0 : Math.min(maxDelaySeconds, firstDelaySeconds << Math.min(over, 30));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("delete from sign_in_failure where last_failed_at <= ?").param(Timestamp.from(now.minus(FORGOTTEN_AFTER))).update();
        jdbc.sql("""
                        insert into sign_in_failure (address, username, failures, last_failed_at) values (?, ?, 1, ?)
                        on conflict (address, username) do update set failures = sign_in_failure.failures + 1, last_failed_at = excluded.last_failed_at""")
                .params(details.getRemoteAddress(), key(String.valueOf(event.getAuthentication().getPrincipal())), Timestamp.from(now))
                .update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            jdbc.sql("delete from sign_in_failure where address = ? and username = ?")
                    .params(details.getRemoteAddress(), key(event.getAuthentication().getName())).update();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
