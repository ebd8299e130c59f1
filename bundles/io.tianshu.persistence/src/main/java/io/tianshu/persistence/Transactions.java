package io.tianshu.persistence;

import io.tianshu.core.Page;
import io.tianshu.core.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The one way domain adapters run work on a persistence unit: a read joins a transaction if there
 * is one, a write is one transaction (the audit row included), and errors leave in the error model.
 */
public final class Transactions {
  private Transactions() {}

  public static <R> R read(JpaTemplate jpa, Function<EntityManager, R> work) {
    return run(jpa, TransactionType.Supports, work);
  }

  public static <R> R write(JpaTemplate jpa, Function<EntityManager, R> work) {
    return run(jpa, TransactionType.Required, work);
  }

  private static <R> R run(JpaTemplate jpa, TransactionType type, Function<EntityManager, R> work) {
    try {
      return jpa.txExpr(type, work::apply);
    } catch (RuntimeException e) {
      throw PersistenceErrors.translate(e);
    }
  }

  /**
   * One page of a JPQL list: {@code select} and {@code count} share the {@code params}; the page's
   * sort field (already checked against a whitelist) orders the select, the id breaks ties.
   */
  public static <E, T> Page<T> page(
      EntityManager em,
      Class<E> entity,
      String alias,
      String where,
      Map<String, Object> params,
      PageRequest page,
      Function<E, T> mapper) {
    String from = " FROM " + entity.getSimpleName() + " " + alias + where;
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
    TypedQuery<E> select =
        em.createQuery(
            "SELECT "
                + alias
                + from
                + " ORDER BY "
                + alias
                + "."
                + page.sortField()
                + (page.ascending() ? " ASC" : " DESC")
                + ", "
                + alias
                + ".id ASC",
            entity);
    params.forEach(
        (k, v) -> {
          count.setParameter(k, v);
          select.setParameter(k, v);
        });
    List<T> items =
        select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
            .map(mapper)
            .toList();
    return new Page<>(items, page.offset(), page.limit(), count.getSingleResult());
  }
}
