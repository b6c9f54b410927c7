package dk.klaremaal.access;

import dk.klaremaal.platform.FieldLimits;
import dk.klaremaal.platform.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * algorithm can change). Wrong passwords slow down the address they come from ({@link SignInDelays}).
 */
@Service
public class AccountService implements UserDetailsService {

    public record Role(String role, String organisation) {
    }

    public record Account(long id, String username, String displayName, List<Role> roles) {
    }

    /** An account as administrators see it. */
    public record Listed(long id, String username, String displayName, boolean password, List<Role> roles) {
    }

    public static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditTrail audit;

    AccountService(JdbcClient jdbc, AccessPolicy access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
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

    /** Takes a role from an account; never the last administrator of all organisations' (after that only the database could help). */
    @org.springframework.transaction.annotation.Transactional
    public void withdraw(String username, String role, String organisationSlug) {
        checkGrant(role, organisationSlug);
        Account before = account(username).orElseThrow(() -> new dk.klaremaal.platform.NotFoundException("No account " + username));
        boolean everywhere = organisationSlug == null || organisationSlug.isBlank();
        if (everywhere && AccessPolicy.Role.ADMINISTRATOR.code().equals(role)) {
            // Locks the global administrators' roles, so two administrators withdrawing each other at once cannot both succeed.
            List<Long> administrators = jdbc.sql("""
                            select account_id from account_role where role = ? and organisation_id is null order by account_id for update""")
                    .param(role).query(Long.class).list();
            if (administrators.equals(List.of(before.id()))) {
                throw new InvalidInputException("role", FieldLimits.Rule.LAST_ADMINISTRATOR.reason());
            }
        }
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
                        select a.id, a.username, a.display_name, a.password_hash is not null
                        from account a
                        where ? or exists (select 1 from account_role r where r.account_id = a.id and r.organisation_id = any(?))
                        order by a.username""")
                .params(all, mine.toArray(Long[]::new))
                .query((rs, i) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), roles(rs.getLong(1))))
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

    /** Marks an account as made for the demo (its password is the demo's published one). */
    public void markDemo(String username, boolean demo) {
        jdbc.sql("update account set demo = ? where username = lower(?)").params(demo, username).update();
    }

    /** Gives an account a password if it has none. */
    public void setPasswordIfNone(String username, String password) {
        jdbc.sql("update account set password_hash = ? where username = lower(?) and password_hash is null")
                .params(PASSWORDS.encode(password), username).update();
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
        record Row(long id, String hash) {
        }
        Row row = jdbc.sql("select id, password_hash from account where username = ?").param(username)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2)))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no account " + username));
        List<SimpleGrantedAuthority> authorities = roles(row.id()).stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.role().toUpperCase(Locale.ROOT))).distinct().toList();
        return User.withUsername(username).password(row.hash() == null ? "{noop}" + UUID.randomUUID() : row.hash())
                .authorities(authorities).build();
    }
}
