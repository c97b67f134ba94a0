package io.atrium.simulators.population;

/**
 * One of the group's real-estate projects: where it is, and the code of its city for the
 * companies registered there. Commercial projects have towers (A座) instead of buildings (3栋).
 */
public record Project(String name, String region, String district, String street, String cityCode, boolean commercial) {

    public String building(int number) {
        return commercial ? (char) ('A' + (number - 1) % 4) + "座" : number + "栋";
    }

    public Address address(String building, String room) {
        return new Address(region, district, street, name + building + room);
    }
}
