package io.tianshu.quality.nonconformance;

import java.time.LocalDate;

/**
 * One discipline of an 8D report as stored.
 *
 * @param discipline D1..D8
 * @param owner who is responsible, null until assigned
 * @param dueDate when it is due, null until planned
 * @param done whether it is done
 * @param evidence what shows it done
 */
public record DisciplineState(
    Discipline discipline, String owner, LocalDate dueDate, boolean done, String evidence) {}
