package kg.neo4j;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Neo4j Community embedded with only a Bolt connector on loopback.
 *
 * Usage: EmbeddedNeo4j --data DIR --port N [--host 127.0.0.1] [--pagecache 256m]
 *
 * Authentication is off: the server listens on loopback only and exists for development and
 * tests. Prints "READY bolt://host:port" on stdout once Bolt accepts connections, and shuts the
 * database down cleanly on SIGTERM / SIGINT.
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws Exception {
        String data = null;
        String host = "127.0.0.1";
        int port = -1;
        String pageCache = "256m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> { data = value; i++; }
                case "--port" -> { port = Integer.parseInt(value); i++; }
                case "--host" -> { host = value; i++; }
                case "--pagecache" -> { pageCache = value; i++; }
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null || port <= 0) {
            fail("usage: EmbeddedNeo4j --data DIR --port N [--host 127.0.0.1] [--pagecache 256m]");
        }

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(Path.of(data).toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        // Touch the default database so that start-up errors surface here, not at the first query.
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("READY bolt://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        if (t.endsWith("g")) { unit = 1L << 30; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("m")) { unit = 1L << 20; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("k")) { unit = 1L << 10; t = t.substring(0, t.length() - 1); }
        return Long.parseLong(t) * unit;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
