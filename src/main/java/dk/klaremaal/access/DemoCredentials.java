package dk.klaremaal.access;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's credentials are published (README, application-demo.properties), so they must open
 * nothing once the application runs without the demo: at start-up without {@code klaremaal.demo.enabled},
 * the demo's API token is revoked and the demo's password is removed from the accounts that have it,
 * each with a warning in the log. Started with the demo again, they are set up again.
 */
@Component
@Order(0)
class DemoCredentials implements ApplicationRunner {

    static final String TOKEN = "demo-token-klaremaal";
    static final String PASSWORD = "klaremaal-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);

    private final JdbcClient jdbc;
    private final boolean demo;

    DemoCredentials(JdbcClient jdbc, @Value("${klaremaal.demo.enabled:false}") boolean demo) {
        this.jdbc = jdbc;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            return;
        }
        int revoked = jdbc.sql("update api_token set revoked_at = now() where token_hash = ? and revoked_at is null")
                .param(ApiTokenService.hash(TOKEN)).update();
        if (revoked > 0) {
            log.warn("Revoked the demo's API token ({}): it is published and must not work outside the demo (klaremaal.demo.enabled is false).",
                    TOKEN);
        }
        // Tokens issued with the demo token were issued by anyone who read the README.
        int issued = jdbc.sql("update api_token set revoked_at = now() where created_by = 'token:demo' and revoked_at is null").update();
        if (issued > 0) {
            log.warn("Revoked {} API token(s) issued with the demo's API token.", issued);
        }
        record Holder(long id, String username, String hash) {
        }
        // Only accounts the demo made (and the demo's first administrator of databases older than that mark) are checked:
        // bcrypt is slow on purpose, and every other account's password was chosen by a person.
        List<Holder> holders = jdbc.sql("select id, username, password_hash from account where password_hash is not null and (demo or username = 'admin')")
                .query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        for (Holder holder : holders) {
            if (AccountService.PASSWORDS.matches(PASSWORD, holder.hash())) {
                jdbc.sql("update account set password_hash = null where id = ?").param(holder.id()).update();
                // Whoever signed in with the published password is signed out.
                jdbc.sql("delete from spring_session where principal_name = ?").param(holder.username()).update();
                log.warn("Removed the demo's password from account '{}': it is published and must not work outside the demo. The account "
                        + "may still sign in by single sign-on; klaremaal.first-admin.username and .password give it a new password.",
                        holder.username());
            }
        }
    }
}
