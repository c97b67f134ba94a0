package io.atrium.resolution.standardize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChineseAddressTest {

    private static ChineseAddress parse(String raw) {
        return ChineseAddress.parse(Addresses.standardize(raw));
    }

    @Test
    void anAddressIsReadAsDivisionsThenThePlaceAndItsNumbers() {
        assertEquals(new ChineseAddress("广东省", "深圳市", "福田区", "金地花园", List.of("4", "3305")),
                parse("广东省深圳市福田区香梅北路２号金地花园4栋3305"));
        assertEquals(new ChineseAddress(null, null, "福田区", "金地花园", List.of("4", "3305")), parse("福田区金地花园4栋3305室"));
        assertEquals(new ChineseAddress(null, "北京市", "朝阳区", "建国路", List.of("88")), parse("北京市朝阳区建国路88号"),
                "without a compound the road is the place, its number the home's");
        assertEquals(new ChineseAddress(null, "深圳市", "南山区", "海岸城", List.of("c", "501")), parse("深圳市南山区文心五路33号海岸城C座501"),
                "a tower's letter counts as a number");
        assertEquals(List.of("3", "1201"), parse("天河区金地花园3号楼1201").numbers());
        assertEquals(new ChineseAddress("广西壮族自治区", "南宁市", "青秀区", "民族大道", List.of("100")),
                parse("广西壮族自治区南宁市青秀区民族大道100号"), "an autonomous region is a province");
    }

    @Test
    void aDivisionWordInsideAPlaceNameIsPartOfThePlace() {
        assertEquals(new ChineseAddress(null, null, "福田区", "城市花园", List.of("3", "1201")), parse("福田区城市花园3栋1201室"),
                "after the district, 市 is the place's");
        assertEquals("城市花园", parse("城市花园3栋1201").place(), "城 alone is no city");
        assertTrue(parse("广东省深圳市福田区城市花园3栋1201").sameHome(parse("福田区城市花园3栋1201室")));
    }

    @Test
    void onlyChineseAddressesWrittenWithoutSpacesThatNameAPlaceAndANumber() {
        assertNull(parse("12 Baker Street, London"));
        assertNull(parse("福田区金地花园"), "no home without a number");
        assertNull(parse("1 rue Victor Hugo, Lyon"));
    }

    @Test
    void oneHomeWrittenTwoWaysButNotAnotherFlatOrDistrict() {
        ChineseAddress home = parse("广东省深圳市福田区香梅北路2号金地花园4栋3305");
        assertTrue(home.sameHome(parse("福田区金地花园4栋3305室")));
        assertTrue(home.sameHome(parse("深圳市福田区金地花园4栋3350")), "two neighbouring digits swapped, as in a Latin house number");
        assertEquals(home.homeKey(), parse("福田区金地花园4栋3305室").homeKey());
        assertFalse(home.sameHome(parse("福田区金地花园5栋3303")), "another flat of the compound");
        assertFalse(home.sameHome(parse("福田区金地花园4栋3306")), "the neighbours' door");
        assertFalse(home.sameHome(parse("南山区金地花园4栋3305")), "a compound of one name in another district");
        assertFalse(home.sameHome(parse("广东省深圳市福田区香梅北路2号")), "the road is not the flat");
    }
}
