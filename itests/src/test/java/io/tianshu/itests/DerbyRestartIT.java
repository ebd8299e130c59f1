package io.tianshu.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.FixMethodOrder;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/** Restart on embedded Derby: both containers use one database at an absolute path in target/. */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DerbyRestartIT extends RestartTestBase {

  @Configuration
  public Option[] config() {
    File dir = new File(ItSupport.buildDir(), "restart-db");
    deleteTree(dir.toPath());
    return ItSupport.baseOptions(ItSupport.derbyAt(new File(dir, "db")));
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
