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

    public ApiTokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Registers a token (idempotent for the same token). */
    public void register(String name, String token, String scope) {
        jdbc.sql("insert into api_token (name, token_hash, scope) values (?, ?, ?) on conflict (token_hash) do nothing")
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
