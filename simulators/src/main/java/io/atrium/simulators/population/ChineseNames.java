package io.atrium.simulators.population;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chinese names with realistic frequencies: surnames by their share of the population (per
 * cent, 2020 census order), and given names concentrated on the few that millions share, so
 * that 张伟 or 王芳 occur many times as different people. Also the pinyin, traditional forms
 * and same-sounding characters that sources use when they write a name differently.
 */
public final class ChineseNames {

    private static final Weighted<String> SURNAMES = Weighted.parse("""
            王:7.1 李:7.0 张:6.7 刘:5.4 陈:4.5 杨:3.1 黄:2.2 赵:2.0 吴:2.0 周:1.9 徐:1.5 孙:1.5 马:1.4 朱:1.3
            胡:1.3 郭:1.2 何:1.2 林:1.1 高:1.1 罗:1.0 郑:1.0 梁:0.9 谢:0.8 宋:0.7 唐:0.7 许:0.7 韩:0.7 冯:0.7
            邓:0.7 曹:0.6 彭:0.6 曾:0.6 肖:0.6 田:0.5 董:0.5 袁:0.5 潘:0.5 于:0.5 蒋:0.5 蔡:0.5 余:0.5 杜:0.5
            叶:0.4 程:0.4 苏:0.4 魏:0.4 吕:0.4 丁:0.4 任:0.4 沈:0.4 姚:0.3 卢:0.3 姜:0.3 崔:0.3 钟:0.3 谭:0.3
            陆:0.3 汪:0.3 范:0.3 金:0.3 石:0.3 廖:0.3 贾:0.3 夏:0.3 付:0.3 方:0.3 白:0.3 邹:0.3 孟:0.3 熊:0.2
            秦:0.2 邱:0.2 江:0.2 尹:0.2 薛:0.2 段:0.2 雷:0.2 侯:0.2 龙:0.2 史:0.2 黎:0.2 贺:0.2 顾:0.2 毛:0.2
            郝:0.2 龚:0.2 邵:0.2 万:0.2 钱:0.2 严:0.2 欧阳:0.05 上官:0.01
            """);

    /** The given names millions share; drawn for about half of the people. */
    private static final Map<Gender, Weighted<String>> COMMON_GIVEN_NAMES = Map.of(
            Gender.MALE, Weighted.parse("""
                    伟:10 强:6 磊:6 军:6 洋:5 勇:5 杰:5 涛:4 超:4 明:4 斌:3 刚:3 平:3 辉:3 鹏:3 华:3 飞:3 鑫:2
                    波:2 建华:2 建国:2 志强:2 俊杰:2 浩然:2 子轩:2 宇轩:2 晨:2 海涛:1 文博:1 家豪:1
                    """),
            Gender.FEMALE, Weighted.parse("""
                    芳:9 娜:8 静:7 敏:6 丽:6 秀英:6 艳:5 娟:4 霞:4 秀兰:4 桂英:4 玲:3 丹:3 萍:3 婷:3 雪:2
                    颖:2 慧:2 美玲:2 丽娟:2 晓燕:2 欣怡:2 梓涵:2 雨涵:2 思琪:1 佳怡:1
                    """));

    /** Characters combined into the less common given names. */
    private static final Map<Gender, String> GIVEN_NAME_CHARACTERS = Map.of(
            Gender.MALE, "伟明建国志文俊浩宇博鹏海峰东杰涛亮成龙嘉凯晓春德金林云辉军强华斌超子轩晨平波",
            Gender.FEMALE, "芳丽美玲秀英静娟燕颖慧佳思雨婷雪琳梅琴凤兰霞萍丹晓欣怡梓涵红春云玉桂敏娜");

    private static final Map<String, String> PINYIN = pairs("""
            王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu
            郭guo 何he 林lin 高gao 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao
            彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su
            魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin
            石shi 廖liao 贾jia 夏xia 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue
            段duan 雷lei 侯hou 龙long 史shi 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan
            欧ou 阳yang 上shang 官guan 伟wei 强qiang 磊lei 军jun 洋yang 勇yong 杰jie 涛tao 超chao 明ming
            斌bin 刚gang 平ping 辉hui 鹏peng 华hua 飞fei 鑫xin 波bo 建jian 国guo 志zhi 俊jun 浩hao 然ran
            子zi 轩xuan 宇yu 晨chen 海hai 文wen 博bo 家jia 豪hao 芳fang 娜na 静jing 敏min 丽li 秀xiu 英ying
            艳yan 娟juan 霞xia 兰lan 桂gui 玲ling 丹dan 萍ping 婷ting 雪xue 颖ying 慧hui 美mei 晓xiao 燕yan
            欣xin 怡yi 梓zi 涵han 雨yu 思si 琪qi 佳jia 峰feng 东dong 亮liang 成cheng 嘉jia 凯kai 春chun
            德de 琳lin 梅mei 琴qin 凤feng 红hong 玉yu 云yun
            """);

    private static final Map<String, String> TRADITIONAL = pairs("""
            张張 刘劉 陈陳 杨楊 黄黃 赵趙 吴吳 孙孫 马馬 罗羅 郑鄭 谢謝 许許 韩韓 冯馮 邓鄧 肖蕭 蒋蔣 叶葉
            苏蘇 吕呂 卢盧 钟鍾 谭譚 陆陸 贾賈 邹鄒 龙龍 贺賀 顾顧 龚龔 万萬 钱錢 严嚴 欧歐 阳陽 伟偉 军軍
            杰傑 涛濤 刚剛 辉輝 鹏鵬 华華 飞飛 国國 轩軒 静靜 丽麗 艳艷 兰蘭 颖穎 晓曉 东東 凯凱 云雲 凤鳳
            红紅 强強 玮瑋 炜煒 铭銘 鸣鳴 桦樺 韬韜 晖暉 莹瑩 纳納 洁潔 苹蘋 门門 区區 号號 栋棟 园園 湾灣
            广廣 岗崗 宝寶 丽麗 业業 贸貿 务務 术術 资資 务務 设設 筑築 传傳 饮飲 厅廳
            """);

    /** Characters read alike; a clerk who hears the name may write any of them. */
    private static final List<String> SAME_SOUND = List.of(
            "伟玮炜威", "芳方", "娜纳", "静晶婧敬", "丽莉立力", "洋阳杨", "杰洁婕", "明铭鸣", "华桦骅", "玲琳林凌",
            "军君俊", "涛韬桃", "红宏洪虹", "平萍苹", "辉晖慧", "燕艳雁", "梅玫美", "敏民闽", "颖英莹", "张章",
            "王汪", "李黎", "刘柳", "陈程", "吴武", "徐许", "周邹");

    private ChineseNames() {
    }

    public static String surname(Random random) {
        return SURNAMES.pick(random);
    }

    public static String givenName(Gender gender, Random random) {
        if (random.nextDouble() < 0.5) {
            return COMMON_GIVEN_NAMES.get(gender).pick(random);
        }
        String characters = GIVEN_NAME_CHARACTERS.get(gender);
        StringBuilder name = new StringBuilder();
        int length = random.nextDouble() < 0.8 ? 2 : 1;
        while (name.length() < length) {
            name.append(characters.charAt(random.nextInt(characters.length())));
        }
        return name.toString();
    }

    /** Capitalized pinyin without tones, syllables joined: 欧阳 is `Ouyang`, 秀英 is `Xiuying`. */
    public static String pinyin(String hanzi) {
        StringBuilder syllables = new StringBuilder();
        for (int i = 0; i < hanzi.length(); i++) {
            String syllable = PINYIN.get(hanzi.substring(i, i + 1));
            if (syllable == null) {
                throw new IllegalArgumentException("no pinyin for a name character");
            }
            syllables.append(syllable);
        }
        return Character.toUpperCase(syllables.charAt(0)) + syllables.substring(1);
    }

    /** The text in traditional characters where this table knows them; others stay as they are. */
    public static String traditional(String simplified) {
        StringBuilder text = new StringBuilder(simplified.length());
        for (int i = 0; i < simplified.length(); i++) {
            String character = simplified.substring(i, i + 1);
            text.append(TRADITIONAL.getOrDefault(character, character));
        }
        return text.toString();
    }

    /** Another character read like the given one, or the same character when none is known. */
    public static char sameSound(char character, Random random) {
        for (String group : SAME_SOUND) {
            if (group.indexOf(character) >= 0) {
                char other;
                do {
                    other = group.charAt(random.nextInt(group.length()));
                } while (other == character);
                return other;
            }
        }
        return character;
    }

    public static boolean hasSameSound(char character) {
        return SAME_SOUND.stream().anyMatch(group -> group.indexOf(character) >= 0);
    }

    /** Reads `keyvalue` items where the key is the first character. */
    private static Map<String, String> pairs(String table) {
        Map<String, String> map = new HashMap<>();
        for (String item : table.trim().split("\\s+")) {
            map.putIfAbsent(item.substring(0, 1), item.substring(1));
        }
        return map;
    }
}
