package io.tianshu.quality;

import java.time.LocalDate;

/**
 * A discipline of an 8D as planned at creation or changed later; absent fields stay as they are.
 *
 * @param discipline D1..D8 (at creation; the path names it on a change)
 * @param owner who is responsible
 * @param dueDate when it is due
 * @param status OPEN or DONE (DONE needs owner and evidence; see the 8D rules)
 * @param evidence what shows it done
 * @param version the 8D's version last read, or null
 */
public record DisciplineInput(
    String discipline,
    String owner,
    LocalDate dueDate,
    String status,
    String evidence,
    Long version) {}
