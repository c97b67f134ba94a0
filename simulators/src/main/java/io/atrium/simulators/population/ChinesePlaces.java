package io.atrium.simulators.population;

import java.util.List;
import java.util.Random;

/** Where Chinese people come from (ID region codes) and where they live and rent (the group's projects). */
public final class ChinesePlaces {

    /** County codes of birthplaces, weighted towards the south where the group builds. */
    private static final Weighted<String> BIRTH_REGIONS = Weighted.parse("""
            440304:6 440305:6 440303:4 440306:4 440307:4 440106:5 440104:3 441900:4 440402:2 445102:2
            440511:2 441302:2 110105:2 310115:2 330106:1 420106:2 510107:2 430104:3 350203:1 360102:2
            410105:2 450103:2 500103:1 610113:1 450305:1 431002:2 360702:2
            """);

    public static final List<Project> PROJECTS = List.of(
            new Project("翠湖花园", "广东省深圳市", "福田区", "香蜜湖路18号", "440300", false),
            new Project("华润城", "广东省深圳市", "南山区", "深南大道9668号", "440300", false),
            new Project("星河丹堤", "广东省深圳市", "龙华区", "梅林关路1号", "440300", false),
            new Project("碧海湾", "广东省深圳市", "宝安区", "海城路6号", "440300", false),
            new Project("锦绣江南", "广东省深圳市", "龙华区", "民治大道326号", "440300", false),
            new Project("阳光棕榈园", "广东省深圳市", "宝安区", "新安六路1008号", "440300", false),
            new Project("御景华庭", "广东省广州市", "天河区", "天河路385号", "440100", false),
            new Project("万象府", "广东省东莞市", "南城区", "鸿福路106号", "441900", false),
            new Project("滨海明珠", "广东省珠海市", "香洲区", "情侣中路47号", "440400", false),
            new Project("海岸城", "广东省深圳市", "南山区", "文心五路33号", "440300", true),
            new Project("华强广场", "广东省深圳市", "福田区", "华强北路1002号", "440300", true),
            new Project("天汇中心", "广东省广州市", "天河区", "珠江东路16号", "440100", true));

    /** Compounds outside the group's projects, where most people live. */
    private static final List<Project> OTHER_HOMES = List.of(
            new Project("桃源村", "广东省深圳市", "南山区", "龙珠大道20号", "440300", false),
            new Project("百花园", "广东省深圳市", "福田区", "百花二路8号", "440300", false),
            new Project("莲花北村", "广东省深圳市", "福田区", "红荔路2012号", "440300", false),
            new Project("金地花园", "广东省深圳市", "福田区", "香梅北路2号", "440300", false),
            new Project("东方明珠城", "广东省深圳市", "龙岗区", "龙岗大道6号", "440300", false),
            new Project("丽水佳园", "广东省深圳市", "罗湖区", "东湖路79号", "440300", false),
            new Project("天河北苑", "广东省广州市", "天河区", "天河北路233号", "440100", false),
            new Project("东湖花园", "广东省广州市", "越秀区", "东湖路128号", "440100", false));

    private ChinesePlaces() {
    }

    public static String birthRegion(Random random) {
        return BIRTH_REGIONS.pick(random);
    }

    public static List<Project> residentialProjects() {
        return PROJECTS.stream().filter(project -> !project.commercial()).toList();
    }

    public static List<Project> commercialProjects() {
        return PROJECTS.stream().filter(Project::commercial).toList();
    }

    /** A home: in one of the group's residential projects for a third of the households. */
    public static Address home(Random random) {
        List<Project> choices = random.nextDouble() < 0.35 ? residentialProjects() : OTHER_HOMES;
        Project project = choices.get(random.nextInt(choices.size()));
        return project.address(project.building(1 + random.nextInt(12)), room(random));
    }

    public static String room(Random random) {
        return String.valueOf((2 + random.nextInt(32)) * 100 + 1 + random.nextInt(6));
    }
}
