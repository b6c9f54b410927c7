package dk.klaremaal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff accounts: passwords hashed with bcrypt (through Spring Security's delegating encoder, so the
 * algorithm can change), and locked for a while after repeated failed sign-ins.
 */
@Service
public class AccountService implements UserDetailsService {

    public record Role(String role, String organisation) {
    }

    public record Account(long id, String username, String displayName, List<Role> roles) {
    }

    public static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockout;

    AccountService(JdbcClient jdbc, Clock clock, @Value("${klaremaal.sign-in.max-attempts:5}") int maxAttempts,
                   @Value("${klaremaal.sign-in.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    /** Creates an account with a password and one role (organisation slug null = all organisations). */
    public long create(String username, String displayName, String password, String role, String organisationSlug) {
        java.util.List<dk.klaremaal.platform.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (username == null || !username.matches("[a-z0-9._@-]{3,100}")) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("username",
                    "3 to 100 lower-case letters, digits and . _ @ -"));
        }
        if (password == null || password.length() < 12) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("password", "at least 12 characters"));
        }
        if (!problems.isEmpty()) {
            throw new dk.klaremaal.platform.InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into account (username, display_name, password_hash) values (?, ?, ?) returning id")
                .params(username, displayName, PASSWORDS.encode(password)).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, organisation_id, role) values (?, (select id from organisation where slug = ?), ?)")
                .params(id, organisationSlug, role).update();
        return id;
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("select id, username, display_name from account where username = ?").param(username)
                .query((rs, i) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), roles(rs.getLong(1)))).optional();
    }

    private List<Role> roles(long accountId) {
        return jdbc.sql("""
                        select r.role, o.slug from account_role r left join organisation o on o.id = r.organisation_id
                        where r.account_id = ? order by r.role, o.slug""")
                .param(accountId).query((rs, i) -> new Role(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(long id, String hash, Instant lockedUntil) {
        }
        Row row = jdbc.sql("select id, password_hash, locked_until from account where username = ?").param(username)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
        List<SimpleGrantedAuthority> authorities = roles(row.id()).stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.role().toUpperCase(java.util.Locale.ROOT))).distinct().toList();
        return User.withUsername(username).password(row.hash() == null ? "{noop}" + java.util.UUID.randomUUID() : row.hash())
                .authorities(authorities).accountLocked(locked).build();
    }

    /** A wrong password counts; enough of them in a row lock the account for a while. */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        jdbc.sql("""
                        update account set failed_attempts = failed_attempts + 1,
                            locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                        where username = ?""")
                .params(maxAttempts, java.sql.Timestamp.from(clock.instant().plus(lockout)), username).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserDetails user) {
            jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = ?").param(user.getUsername()).update();
        }
    }
}
