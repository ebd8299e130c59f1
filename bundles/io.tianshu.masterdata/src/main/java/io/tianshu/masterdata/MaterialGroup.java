package io.tianshu.masterdata;

/** A classification of materials, owned by the group (plantId null) or a plant. */
public record MaterialGroup(
    Long id, String code, String name, String nameEn, Long parentId, Long plantId, long version) {}
