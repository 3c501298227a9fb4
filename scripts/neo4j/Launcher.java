import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j's documented embedded DBMS with its Bolt connector on 127.0.0.1.
 * Usage: java -cp <neo4j class path> Launcher.java <dataDir> <boltPort> <pageCacheMb>
 * Authentication is on when the environment holds NEO4J_AUTH_PASSWORD: the user neo4j gets that
 * password (the environment, not the command line, so `ps` does not show it).
 * Prints "NEO4J_READY <port>" once Bolt listens. A failure it can name is one line on standard
 * output, "NEO4J_FAILED <reason>", and exit code 3. Shuts down cleanly on SIGTERM / SIGINT, when
 * its standard input closes, or when the process that started it is gone, so it never outlives
 * its launcher.
 */
public class Launcher {
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = Long.parseLong(args.length > 2 ? args[2] : "512");
    String password = System.getenv("NEO4J_AUTH_PASSWORD");
    boolean auth = password != null && !password.isEmpty();
    long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(dataDir)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          // Loopback only; the launcher is for the embedded default, tests and CI.
          .setConfig(GraphDatabaseSettings.auth_enabled, auth)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
          .build();
    } catch (Throwable e) {
      fail(e);
      return;
    }
    final DatabaseManagementService started = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(started)));
    try {
      if (auth) setPassword(dbms, password);
      // Touch the default database so it is online before we say ready.
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      fail(e);
      return;
    }
    watchParent(parentPid);
    System.out.println("NEO4J_READY " + port);
    System.out.flush();
    // Exit when the parent closes our stdin (parent died or asked us to stop).
    while (System.in.read() != -1) { }
    System.exit(0);
  }

  /** Sets the password of the user neo4j; the same password again is not an error. */
  static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  /** Shuts the DBMS down; if that takes more than 30 s, halts (Neo4j recovers from its log on the next start). */
  static void shutdown(DatabaseManagementService dbms) {
    Thread halt = new Thread(() -> {
      try { Thread.sleep(30_000); } catch (InterruptedException e) { return; }
      Runtime.getRuntime().halt(1);
    });
    halt.setDaemon(true);
    halt.start();
    try { dbms.shutdown(); } catch (Throwable ignored) { }
  }

  /** Exits (through the shutdown hook) once the process that started this one has gone. */
  static void watchParent(long parentPid) {
    if (parentPid < 0) return;
    Thread t = new Thread(() -> {
      while (true) {
        boolean alive = ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) System.exit(0);
        try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  /** One line naming a failure we recognise (store lock held, port taken), else the stack trace. */
  static void fail(Throwable e) {
    String reason = null;
    for (Throwable c = e; c != null && reason == null; c = c.getCause()) {
      String name = c.getClass().getSimpleName();
      String msg = String.valueOf(c.getMessage());
      if (name.contains("FileLockException") || msg.contains("locked by another")) reason = "LOCKED";
      else if (c instanceof java.net.BindException || msg.contains("Address already in use")) reason = "PORT_IN_USE";
    }
    if (reason == null) {
      e.printStackTrace();
      System.exit(1);
    }
    System.err.println(e);
    System.out.println("NEO4J_FAILED " + reason);
    System.out.flush();
    Runtime.getRuntime().halt(3);
  }
}
