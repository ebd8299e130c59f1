package io.tianshu.quality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One discipline of an 8D report.
 *
 * @param discipline D1..D8
 * @param title its name, English
 * @param titleZh its name, Chinese
 * @param owner who is responsible
 * @param dueDate when due
 * @param status OPEN or DONE
 * @param evidence what shows it done
 * @param doneBy who marked it done
 * @param doneAt when
 */
public record CapaDiscipline(
    String discipline,
    String title,
    String titleZh,
    String owner,
    LocalDate dueDate,
    String status,
    String evidence,
    String doneBy,
    Instant doneAt) {}
