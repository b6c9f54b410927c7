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

    public record ApiToken(long id, String name, String scope) {
    }

    private final JdbcClient jdbc;

    public ApiTokenService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiToken> authenticate(String token) {
        return jdbc.sql("select id, name, scope from api_token where token_hash = ? and revoked_at is null")
                .param(hash(token))
                .query((rs, i) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Registers a token (idempotent for the same token). */
    public void register(String name, String token, String scope) {
        jdbc.sql("insert into api_token (name, token_hash, scope) values (?, ?, ?) on conflict (token_hash) do nothing")
                .params(name, hash(token), scope).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
