package org.cityvitals.indicators.catalogue;

/**
 * Why a situation happened, chosen from the catalogue's list when a person resolves it ({@code weather},
 * {@code equipment_failure}, …); the response-time reports count by it.
 */
public record Cause(String id, String nameZh, String nameEn) {}
