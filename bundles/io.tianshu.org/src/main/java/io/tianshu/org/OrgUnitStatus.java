package io.tianshu.org;

public enum OrgUnitStatus {
  ACTIVE,
  INACTIVE
}
