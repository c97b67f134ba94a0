package io.atrium.simulators.population;

import io.atrium.resolution.model.IdType;

import java.time.LocalDate;
import java.util.List;

/**
 * The truth about one person, in the person's own script. Romanized names are the pinyin (for a
 * Chinese person) or the same as the native ones (for a Latin-script person). The household
 * phone is the number the family shares; for the head of the household it is their own mobile.
 * Projects are the group's projects where the person holds a unit ({@link Holdings}).
 */
public record Person(
        String truthId,
        String familyName,
        String givenName,
        String romanFamilyName,
        String romanGivenName,
        Gender gender,
        LocalDate birthDate,
        IdType idType,
        String idNumber,
        String mobile,
        String householdPhone,
        String landline,
        String email,
        Address address,
        String householdId,
        List<String> projects) implements Party {
}
