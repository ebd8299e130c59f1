package io.tianshu.quality.nonconformance;

/** The eight disciplines of an 8D report. */
public enum Discipline {
  D1("Team", "成立小组"),
  D2("Problem description", "问题描述"),
  D3("Containment actions", "临时围堵措施"),
  D4("Root cause", "根本原因分析"),
  D5("Permanent corrective actions chosen", "选定永久纠正措施"),
  D6("Permanent corrective actions implemented and validated", "实施并验证永久纠正措施"),
  D7("Recurrence prevented", "预防再发生"),
  D8("Team recognised, closure", "小组祝贺与关闭");

  private final String title;
  private final String titleZh;

  Discipline(String title, String titleZh) {
    this.title = title;
    this.titleZh = titleZh;
  }

  public String title() {
    return title;
  }

  public String titleZh() {
    return titleZh;
  }

  /** Parses D1..D8 case-insensitively; null when unknown. */
  public static Discipline parse(String text) {
    if (text == null) {
      return null;
    }
    for (Discipline d : values()) {
      if (d.name().equalsIgnoreCase(text.trim())) {
        return d;
      }
    }
    return null;
  }
}
