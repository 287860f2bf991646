package org.cityvitals.indicators.governance;

/** Who answers for a dataset (数据责任单位): the body that supplies it and decides who may reuse it. */
public record Owner(String id, String nameZh, String nameEn) {}
