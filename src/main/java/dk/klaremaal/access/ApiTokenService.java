package dk.klaremaal.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** API tokens for machine writes. Only a SHA-256 hash is stored, so a leaked database reveals no token. */
@Service
public class ApiTokenService {

    public record ApiToken(long id, String name, String scope, Long organisationId) {
    }

    /** A token as listed: never its secret. */
    public record TokenView(long id, String name, String scope, String organisation, String createdBy, java.time.Instant createdAt,
                            java.time.Instant revokedAt) {
    }

    /** A new token: the secret is shown this once and only its hash is kept. */
    public record NewToken(long id, String name, String scope, String organisation, String token) {
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditTrail audit;

    public ApiTokenService(JdbcClient jdbc, AccessPolicy access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Issues a token after checking the input: administrators of an organisation may issue tokens
     * limited to it (or an organisation below it); only administrators of all organisations may
     * issue unlimited ones.
     */
    public NewToken issue(String name, String scope, String organisationSlug, String createdBy) {
        java.util.List<dk.klaremaal.platform.InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("name", "name the token after the system or person that uses it"));
        }
        if (scope == null || !java.util.List.of("read", "ingest", "admin").contains(scope)) {
            problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("scope", "is read, ingest or admin"));
        }
        Long organisationId = null;
        if (organisationSlug != null && !organisationSlug.isBlank()) {
            organisationId = jdbc.sql("select id from organisation where slug = ?").param(organisationSlug).query(Long.class).optional()
                    .orElse(null);
            if (organisationId == null) {
                problems.add(new dk.klaremaal.platform.InvalidInputException.FieldProblem("organisation",
                        "no organisation with slug '" + organisationSlug + "'"));
            }
        }
        if (organisationId == null) {
            access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "create API tokens for all organisations");
        } else {
            access.check(AccessPolicy.Action.ADMINISTER, organisationId);
        }
        if (!problems.isEmpty()) {
            throw new dk.klaremaal.platform.InvalidInputException(problems);
        }
        NewToken created = create(name.trim(), scope, organisationId, organisationSlug, createdBy);
        audit.record("api_token", created.id(), null, java.util.Map.of("name", created.name(), "scope", scope,
                "organisation", organisationSlug == null ? "" : organisationSlug));
        return created;
    }

    /** The tokens the caller administers: all for an administrator of all organisations, else those limited to their organisations. */
    public java.util.List<TokenView> visible() {
        if (access.allowsEverywhere(AccessPolicy.Action.ADMINISTER)) {
            return list();
        }
        java.util.Set<Long> mine = new java.util.HashSet<>(access.organisations(AccessPolicy.Action.ADMINISTER));
        java.util.Set<String> slugs = new java.util.HashSet<>(jdbc.sql("select slug from organisation where id = any(?)")
                .param(mine.toArray(Long[]::new)).query(String.class).list());
        return list().stream().filter(t -> t.organisation() != null && slugs.contains(t.organisation())).toList();
    }

    /** Revokes a token the caller administers. */
    public void revokeChecked(long id) {
        // A token for all organisations has no organisation: the row is looked up, not its (null) organisation.
        Long organisationId = jdbc.sql("select organisation_id from api_token where id = ? and revoked_at is null").param(id)
                .query((rs, i) -> Optional.ofNullable((Long) rs.getObject(1))).optional()
                .orElseThrow(() -> new dk.klaremaal.platform.NotFoundException("No active API token with id " + id)).orElse(null);
        if (organisationId == null) {
            access.checkEverywhere(AccessPolicy.Action.ADMINISTER, "revoke API tokens for all organisations");
        } else {
            access.check(AccessPolicy.Action.ADMINISTER, organisationId);
        }
        revoke(id);
        audit.record("api_token", id, java.util.Map.of("revoked", false), java.util.Map.of("revoked", true));
    }

    public Optional<ApiToken> authenticate(String token) {
        return jdbc.sql("select id, name, scope, organisation_id from api_token where token_hash = ? and revoked_at is null")
                .param(hash(token))
                .query((rs, i) -> {
                    long org = rs.getLong(4);
                    Long organisationId = rs.wasNull() ? null : org;
                    return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), organisationId);
                })
                .optional();
    }

    /** Registers a configured token (idempotent for the same token; one revoked earlier works again, as configured). */
    public void register(String name, String token, String scope) {
        jdbc.sql("insert into api_token (name, token_hash, scope) values (?, ?, ?) on conflict (token_hash) do update set revoked_at = null")
                .params(name, hash(token), scope).update();
    }

    /** Registers a token limited to one organisation (and those below it). */
    public void register(String name, String token, String scope, long organisationId) {
        jdbc.sql("""
                        insert into api_token (name, token_hash, scope, organisation_id) values (?, ?, ?, ?)
                        on conflict (token_hash) do nothing""")
                .params(name, hash(token), scope, organisationId).update();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Creates a token with a fresh random secret (256 bits); returns the secret once. */
    public NewToken create(String name, String scope, Long organisationId, String organisationSlug, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "km_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("insert into api_token (name, token_hash, scope, organisation_id, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(name, hash(token), scope, organisationId, createdBy).query(Long.class).single();
        return new NewToken(id, name, scope, organisationSlug, token);
    }

    public java.util.List<TokenView> list() {
        return jdbc.sql("""
                        select t.id, t.name, t.scope, o.slug, t.created_by, t.created_at, t.revoked_at
                        from api_token t left join organisation o on o.id = t.organisation_id order by t.id""")
                .query((rs, i) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    public boolean revoke(long id) {
        return jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(id).update() == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
