package io.tianshu.connector.internal;

import io.tianshu.connector.spi.CounterTracker;
import io.tianshu.connector.spi.MachineBinding;
import io.tianshu.connector.spi.MachineSignals;
import io.tianshu.connector.spi.MachineSignalsFactory;
import io.tianshu.core.CallerContext;
import io.tianshu.core.TianshuException;
import io.tianshu.execution.ExecutionService;
import io.tianshu.org.OrgService;
import io.tianshu.persistence.Database;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import javax.transaction.TransactionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Machine signals on the Tianshu database (migrated: the {@link Database} reference). */
@Component(service = MachineSignalsFactory.class)
public class MachineSignalsFactoryImpl implements MachineSignalsFactory {
  private final DataSource dataSource;
  private final TransactionManager transactionManager;
  private final OrgService org;
  private final ExecutionService execution;
  private final Set<JdbcMachineStore> stores = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tianshu-machine-measurements");
            t.setDaemon(true);
            return t;
          });

  @Activate
  public MachineSignalsFactoryImpl(
      @Reference(target = "(osgi.jndi.service.name=tianshu)") DataSource dataSource,
      @Reference TransactionManager transactionManager,
      @Reference Database database,
      @Reference OrgService org,
      @Reference ExecutionService execution) {
    this.dataSource = dataSource;
    this.transactionManager = transactionManager;
    this.org = org;
    this.execution = execution;
    flusher.scheduleWithFixedDelay(this::flushAll, 500, 500, TimeUnit.MILLISECONDS);
  }

  private void flushAll() {
    for (JdbcMachineStore s : stores) {
      try {
        s.flushMeasurements();
      } catch (RuntimeException e) {
        // logged by the store; the values stay buffered for the next round
      }
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    flusher.shutdown();
    flusher.awaitTermination(10, TimeUnit.SECONDS);
    flushAll();
  }

  @Override
  public long plantId(String plantCode) {
    try {
      return org.getPlantByCode(CallerContext.system(), plantCode).id();
    } catch (TianshuException e) {
      throw new IllegalArgumentException(
          "unknown plant '" + plantCode + "' / 工厂 '" + plantCode + "' 不存在", e);
    }
  }

  @Override
  public MachineSignals open(MachineBinding binding, long plantId) {
    JdbcMachineStore store =
        new JdbcMachineStore(
            dataSource, transactionManager, execution, binding, plantId, stores::remove);
    stores.add(store);
    MachineSignals signals =
        new MachineSignals(
            binding.name(),
            binding.protocol(),
            new CounterTracker(binding.counterBits(), binding.wrapWindow()),
            store,
            binding.control());
    signals.load();
    store.unassigned(binding.name()).forEach(signals::seedUnassigned);
    return signals;
  }
}
