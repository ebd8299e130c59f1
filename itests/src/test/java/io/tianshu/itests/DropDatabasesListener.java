package io.tianshu.itests;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the PostgreSQL test databases on the driver when the JUnit Platform finishes the test plan
 * (registered through META-INF/services; Pax Exam's own {@code @AfterClass} runs in the container).
 */
public class DropDatabasesListener implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    ItSupport.dropPostgresDatabases();
  }
}
