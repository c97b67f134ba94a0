package io.atrium.simulators.population;

/**
 * A postal address in parts, so that sources can write it fully or partly. For Chinese
 * addresses the region is province and city, the street includes the number, and the place
 * is the compound with building and room; Latin addresses use street, place and region freely.
 */
public record Address(String region, String district, String street, String place) {
}
