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

    /** An account as administrators see it. */
    public record Listed(long id, String username, String displayName, boolean password, boolean locked, List<Role> roles) {
    }

    public static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockout;

    private final AccessPolicy access;
    private final AuditTrail audit;

    AccountService(JdbcClient jdbc, Clock clock, AccessPolicy access, AuditTrail audit, @Value("${klaremaal.sign-in.max-attempts:5}") int maxAttempts,
                   @Value("${klaremaal.sign-in.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.audit = audit;
        this.maxAttempts = maxAttempts;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    /** Creates an account with a password (null: single sign-on only) and one role (organisation slug null = all organisations). */
    public long create(String username, String displayName, String password, String role, String organisationSlug) {
        java.util.List<dk.klaremaal.platform.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (username == null || !username.matches("[a-z0-9._@-]{3,100}")) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("username",
                    "3 to 100 lower-case letters, digits and . _ @ -"));
        }
        if (password != null && password.length() < 12) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("password", "at least 12 characters"));
        }
        if (!problems.isEmpty()) {
            throw new dk.klaremaal.platform.InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into account (username, display_name, password_hash) values (?, ?, ?) returning id")
                .params(username, displayName, password == null ? null : PASSWORDS.encode(password)).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, organisation_id, role) values (?, (select id from organisation where slug = ?), ?)")
                .params(id, organisationSlug, role).update();
        return id;
    }

    /**
     * Opens an account for a person, with a first role: administrators of an organisation may open
     * accounts with roles there. Without a password the person signs in only by single sign-on, where
     * the user name is the one the identity provider sends.
     */
    @org.springframework.transaction.annotation.Transactional
    public long open(String username, String displayName, String password, String role, String organisationSlug) {
        checkGrant(role, organisationSlug);
        java.util.List<dk.klaremaal.platform.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("displayName", "write the person's name"));
        }
        if (username != null && account(username).isPresent()) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("username", "an account named " + username + " exists"));
        }
        if (!problems.isEmpty()) {
            throw new dk.klaremaal.platform.InvalidInputException(problems);
        }
        long id = create(username, displayName.trim(), password == null || password.isEmpty() ? null : password, role, organisationSlug);
        audit.record("account", id, null, account(username).orElseThrow());
        return id;
    }

    /** Gives an account another role. */
    @org.springframework.transaction.annotation.Transactional
    public void grant(String username, String role, String organisationSlug) {
        checkGrant(role, organisationSlug);
        Account before = account(username).orElseThrow(() -> new dk.klaremaal.platform.NotFoundException("No account " + username));
        jdbc.sql("""
                        insert into account_role (account_id, organisation_id, role) values (?, (select id from organisation where slug = ?), ?)
                        on conflict do nothing""").params(before.id(), organisationSlug, role).update();
        audit.record("account", before.id(), before, account(username).orElseThrow());
    }

    /** Takes a role from an account. */
    @org.springframework.transaction.annotation.Transactional
    public void withdraw(String username, String role, String organisationSlug) {
        checkGrant(role, organisationSlug);
        Account before = account(username).orElseThrow(() -> new dk.klaremaal.platform.NotFoundException("No account " + username));
        jdbc.sql("""
                        delete from account_role where account_id = ? and role = ?
                          and organisation_id is not distinct from (select id from organisation where slug = ?)""")
                .params(before.id(), role, organisationSlug).update();
        audit.record("account", before.id(), before, account(username).orElseThrow());
    }

    /** The accounts an administrator sees: all for an administrator of all organisations, else those with a role in their organisations. */
    public List<Listed> listed() {
        List<Long> mine = access.organisations(AccessPolicy.Action.ADMINISTER);
        boolean all = access.allowsEverywhere(AccessPolicy.Action.ADMINISTER);
        return jdbc.sql("""
                        select a.id, a.username, a.display_name, a.password_hash is not null, a.locked_until > now()
                        from account a
                        where ? or exists (select 1 from account_role r where r.account_id = a.id and r.organisation_id = any(?))
                        order by a.username""")
                .params(all, mine.toArray(Long[]::new))
                .query((rs, i) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        roles(rs.getLong(1))))
                .list();
    }

    private void checkGrant(String role, String organisationSlug) {
        try {
            AccessPolicy.Role.fromCode(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new dk.klaremaal.platform.InvalidInputException("role", e.getMessage());
        }
        if (organisationSlug == null || organisationSlug.isBlank()) {
            access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "give roles in all organisations");
            return;
        }
        Long id = jdbc.sql("select id from organisation where slug = ?").param(organisationSlug).query(Long.class).optional()
                .orElseThrow(() -> new dk.klaremaal.platform.InvalidInputException("organisation", "no organisation with slug '" + organisationSlug + "'"));
        access.check(AccessPolicy.Action.ADMINISTER, id);
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public Optional<Account> account(String username) {
        return jdbc.sql("select id, username, display_name from account where username = lower(?)").param(username)
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
