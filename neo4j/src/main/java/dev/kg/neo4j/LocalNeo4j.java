package dev.kg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Runs embedded Neo4j Community with the Bolt connector on 127.0.0.1 for the project's own use
 * (development server and test runs). Prints "NEO4J_READY bolt://..." once it answers a query.
 *
 * Usage: LocalNeo4j <homeDir> <boltPort> [key=value ...]   (extra raw Neo4j settings)
 *
 * With NEO4J_LOCAL_PASSWORD in the environment (never on the command line, where any local user
 * could read it), Bolt requires user "neo4j" with that password: a new store gets it as its initial
 * password before Bolt opens; an existing store has it set on each start.
 *
 * It stops cleanly on SIGTERM/SIGINT (shutdown hook) and also when its standard input closes,
 * so a parent that dies without cleaning up never leaves a database process holding the store.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalNeo4j <homeDir> <boltPort> [setting=value ...]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);

        Map<String, String> config = new HashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + port);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        config.put("dbms.security.auth_enabled", String.valueOf(auth));
        // Embedded Neo4j reports usage home by default; this machine must talk to nothing off loopback.
        config.put("dbms.usage_report.enabled", "false");
        config.put("server.memory.pagecache.size", "256m");
        config.put("db.transaction.timeout", "30s");
        config.put("dbms.memory.transaction.total.max", "512m");
        // Bolt's two event-loop groups each wait a quiet period of 5 s before stopping: 10 s of every
        // stop (and Ctrl-C) spent idle. The API closes its connections first, so nothing is lost.
        config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("bad setting (want key=value): " + args[i]);
                System.exit(2);
            }
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }

        long started = System.nanoTime();
        // The builder takes raw settings only from a properties file; write ours next to the store.
        Files.createDirectories(home);
        Path conf = home.resolve("neo4j-local.conf");
        StringBuilder lines = new StringBuilder();
        config.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        Files.writeString(conf, lines.toString());
        boolean newStore = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (auth && newStore) setInitialPassword(home, password);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (auth && !newStore) setPassword(service, password);
        // The initial-password file (a hash) is read once, when the system database is created.
        if (auth && newStore) Files.deleteIfExists(home.resolve("data").resolve("dbms").resolve("auth.ini"));
        GraphDatabaseService db = service.database("neo4j");
        db.executeTransactionally("RETURN 1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " in " + millis + " ms");
        System.out.flush();

        watchStdin();
        stopped.await();
    }

    /** What `neo4j-admin dbms set-initial-password` does: read once, when the system database is created. */
    private static void setInitialPassword(Path home, String password) {
        // Its own message ("only takes effect before the first start") would only confuse the log.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home, quiet, System.err, new DefaultFileSystemAbstraction());
        int code = new CommandLine(new SetInitialPasswordCommand(context)).execute(password);
        if (code != 0) {
            System.err.println("could not set the initial password (exit " + code + ")");
            System.exit(2);
        }
    }

    /** A store made before it had a password (or whose password file was replaced) gets the given one. */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to itself: then it is already right.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    /** Exits (running the shutdown hook) when the parent closes our standard input. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() != -1) {
                    // the parent never writes; any bytes are ignored
                }
            } catch (IOException ignored) {
                // treated as end of input
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
