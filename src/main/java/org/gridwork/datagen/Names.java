package org.gridwork.datagen;

import java.util.Random;

/** Plausible Chinese names from common surnames and given-name characters. */
final class Names {

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String MALE = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国志海东峰";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲桂兰燕萍红梅琳雪婷慧颖倩晶莉洁玉凤云华春";

    private Names() {
    }

    static String person(Random random, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(given.charAt(random.nextInt(given.length())));
        if (random.nextInt(100) < 60) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }

    static String staffName(int index) {
        return person(new Random(index * 7919L), index % 3 != 0);
    }
}
