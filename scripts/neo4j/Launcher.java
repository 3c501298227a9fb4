import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j's documented embedded DBMS with its Bolt connector on 127.0.0.1.
 * Usage: java -cp <neo4j class path> Launcher.java <dataDir> <boltPort> <pageCacheMb>
 * Prints "NEO4J_READY <port>" once Bolt listens; shuts down cleanly on SIGTERM / SIGINT
 * or when its standard input closes (so it never outlives the Node process that started it).
 */
public class Launcher {
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = Long.parseLong(args.length > 2 ? args[2] : "512");

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        // Loopback only; the launcher is for the embedded default, tests and CI.
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        .build();
    Runnable stop = () -> {
      try { dbms.shutdown(); } catch (Throwable ignored) { }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop));
    // Touch the default database so it is online before we say ready.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY " + port);
    System.out.flush();
    // Exit when the parent closes our stdin (parent died or asked us to stop).
    while (System.in.read() != -1) { }
    System.exit(0);
  }
}
