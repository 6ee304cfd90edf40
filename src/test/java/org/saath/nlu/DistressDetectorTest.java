package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed lexicon with the detector: idioms, negation, third person, imminence, coded words. */
class DistressDetectorTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final DistressDetector DETECTOR =
            new DistressDetector(DistressLexicon.load(Path.of("models/lang"), NORMALISER));

    private static DistressAssessment assess(String text) {
        return DETECTOR.assess(NORMALISER.normalise(text));
    }

    private static DistressAssessment assertRisk(String text, String risk) {
        DistressAssessment a = assess(text);
        assertThat(a.risk().code()).as("%s: %s", text, a.signals()).isEqualTo(risk);
        return a;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i want to kill myself|high",
        "gonna kms|high",
        "kms|moderate",
        "thinking of unaliving myself|high",
        "k1ll mys3lf|high",
        "i want to die, i have the pills ready and i will do it tonight|imminent",
        "khudkushi karna chahta hoon|high",
        "بدي انتحر|high",
        "میں خودکشی کرنا چاہتا ہوں|high",
        "i wish i could sleep and never wake up|moderate",
        // a farewell high in its own words with a time now is now; without the time it is high
        "ولقيت ورقة مكتوب فيها سامحوني|high",
        "قفل الاوضة على نفسه ولقيت ورقة مكتوب فيها سامحوني|imminent",
        "rah n9tel rou7i lila|imminent",
        "nheb n9tel rou7i|high",
        // traffic and a car or a train in front as the way (the s58 QA pass, a dev probe of 8 December)
        "im standing by the motorway, i just want to walk into the traffic|high",
        "i want to jump in front of the train|high",
        "بدي ارمي حالي قدام سيارة|high",
        "عايز ارمي نفسي قدام عربية|high",
        // ways and acts of a dev probe in seven Arabic dialects and in English and Roman Urdu (8 December)
        "ابتلعت للتو كل الأقراص، أشعر بثقل في رأسي|imminent",
        "ايدي مش بتبطل نزيف وانا مش عايزه اوقفها|imminent",
        "غدوة الصباح قبل ما نروح للخدمة نعلق روحي في الكاراج|high",
        "والله ودي اخنق نفسي بالشال|high",
        "rani 9a3ed 3la l7afa ta3 lpont dork|imminent",
        "wanna neck myself tbh|high",
        "in like an hour im driving up to the cliffs. dont try and talk me out of it|imminent",
        "zeher pee ke mar jaun, roz yehi khayal aata hai|high"
    })
    void finds_risk_in_every_language(String text, String risk) {
        assertThat(assess(text).risk().code()).isEqualTo(risk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // drawn-out letters: a run does not say whether the word has one letter or two ("killll" is "kill")
        "i want to killll myself|high|i want to kil myself",
        "i tooook all the pillls|imminent|i tok all the pils",
        "im gonna killl myself tonighttt|imminent|im gonna kil myself tonight",
        "tied the noooose|high|tied the nose",
        "main apni jaaaan de dunga|high|main apni jan de dunga",
        "khud ko maaaar dunga|high|khud ko mar dunga",
        "میں مرنااا چاہتا ہوں|high|میں مرنا چاہتا ہوں",
        "قرررت انتحر الليلة|imminent|قرت انتحر الليله",
        "خلاص قررررت اموت|high|خلاص قرت اموت"
    })
    void drawn_out_letters_keep_the_danger(String text, String risk, String once) {
        // the first reading keeps one letter, as it always did; only the second keeps two
        assertThat(NORMALISER.normalise(text).text()).isEqualTo(NORMALISER.normalise(once).text());
        assertRisk(text, risk);
    }

    /**
     * A "not" that is a word of something else lowers no wish: "nobody" ("koi nahi rok sakta"), Arabic "ما" as
     * "after"/"whenever" ("بعد ما ينامون", "كل ما"), another phrase's own "not" ("برداشت نہیں ہوتا"); a "not" of the
     * wish itself still lowers it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "پل پر جا کر کود جاؤں گا کوئی نہیں روک سکتا|high",
        "pul pe ja ke kood jaunga koi nahi rok sakta|high",
        "الليله بعد ما ينامون اهلي بخلص من حياتي|imminent",
        "كل ما احس بضيق اجرح نفسي|high",
        "كل ما اشوف البحر افكر امشي فيه لين ما ارجع|high",
        "اب برداشت نہیں ہوتا جینا نہیں چاہتی|high",
        "ab bardasht nahi hota, jeena nahi chahti|high",
        "main khudkushi nahi karunga|low",
        "میں خودکشی نہیں کروں گا|low",
        "ما بدي انتحر|moderate",
        "bardasht nahi hota, khudkushi nahi karungi lekin|moderate"
    })
    void a_not_of_something_else_lowers_no_wish(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A probe of our own (4 December, evening): ways of telling danger the lexicon lacked, in each language. "Better
     * that I die" is a wish to be dead, `moderate` as every passive wish is (the bot asks the suicide question).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I have just consumed a full strip of Xanax|imminent",
        "my cousin cut her wrist, theres so much blood|imminent",
        "im jumping from the roof tonight|imminent",
        "wrote my note, pills counted|high",
        "im ending it when everyone is asleep, pills counted|imminent",
        "i cut again tonight, its the only thing that helps|high",
        "suicide seems like the only way out|high",
        "blade se dono kalaiyan kaat li hain|imminent",
        "aj raat 12 bje canal me chalang maar dunga|imminent",
        "is se acha mar jaun|moderate",
        "agar pics viral hui to main zinda nahi rahungi|high",
        "پل پر جا کر کود جاؤں گا|high",
        "نوکری چلی گئی، مرنا ہی بہتر ہے|moderate",
        "بس سب سو جائیں پھر کود جاؤں گی|imminent",
        "ربطت الحبل بالسقف وهو حوالين رقبتي|imminent",
        "لقد تناولت كمية كبيرة من الأدوية|imminent",
        "هلق رح انط من الشباك|imminent",
        "والله تعبت ومابي اعيش خلاص|high",
        "الموت اهون علي من هالجوازة|moderate"
    })
    void ways_of_telling_danger_found_by_our_probe(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A second probe of our own: fire poured on oneself, self-harm told by a parent or a friend, a prayer as the time,
     * a jump spelt "chhalang", "tired of life" with its words turned round, Darija and Arabizi acts and times; a time
     * word must not be a word of another language ("3am" is Arabizi "عم": with it, a declared intent was imminent).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "she poured petrol on herself and has a lighter|imminent",
        "my son has been cutting his thighs for months|high",
        "meri biwi ne khud par mitti ka tel daal liya hai|imminent",
        "kal subah Ravi ke pull se chhalang laga dunga|imminent",
        "abbu ne kaha hai maghrib ke baad khud ko goli maar lenge|imminent",
        "میری بیوی نے خود پر مٹی کا تیل چھڑک لیا ہے|imminent",
        "کل صبح فجر کے بعد پل سے چھلانگ لگا دوں گا|imminent",
        "میں بلیڈ سے اپنے بازو کاٹتی ہوں|high",
        "صديقتي سكبت على نفسها بنزين|imminent",
        "زوجي مخبي سم ويقول اذا ما انحلت الديون بينتحر|high",
        "this is my last message, el 7abl 3ala ra2bati|imminent",
        "بعد ما يمرق ابوي حارمي نفسي من فوق العمارة|high",
        "ra7 antehar, 3am fakker fiha kel yom|high",
        "بدي ارمي نفسي عالسرير وانام|none",
        "bohat thak gayi hoon zindagi se|moderate",
        "بہت تھک گئی ہوں زندگی سے|moderate",
        "thak gaya hoon office se|none",
        "bl3t chi 30 kachiya dyal dwa dyal mama|imminent",
        "lessa shrebt benzeen, 7asis b 7ar2a|imminent",
        "ana wa2ef 3a 7affet el sa6e7 hala2|imminent",
        "قاعد على قضبان القطر والقطر الجاي بعد ربع ساعة|imminent",
        "نويت أن أنهي حياتي اليوم بعد صلاة العشاء|imminent",
        "الدكتور كتب دوا وقال مع السلامة|none",
        // a car's exhaust in a closed space, in progress; a mechanic's engine is no act of the lexicon, nor is a gas
        // heater lit in a closed room in winter (our own everyday row, "gas khol di hai aur khidkiyan band kar di hain")
        "im sitting in the car with the engine running, garage door shut|imminent",
        "انا هلأ بالسيارة بالكراج، شغلت المحرك وسكرت الشبابيك|imminent",
        "the mechanic left the engine running in the garage to warm it up|none",
        "maine gas khol di hai aur khidkiyan band kar di hain|none"
    })
    void ways_of_telling_danger_found_by_a_second_probe(String text, String risk) {
        assertRisk(text, risk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // one's own life given, said alone, is a plan; given for someone or a country, devotion
        "main apni jaan de dunga|high",
        "bas ab main apni jaan de dungi|high",
        "main aaj raat apni jaan de dungi|imminent",
        "rassi le aaya hoon latakne ke liye|high",
        "میں اپنی جان دے دوں گا|high",
        "main watan ke liye apni jaan de dunga|none",
        "ammi ke liye apni jaan de doon|none",
        "میں ملک کے لیے اپنی جان دے دوں گا|none"
    })
    void giving_ones_own_life(String text, String risk) {
        assertRisk(text, risk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this traffic is killing me",
        "i'd die for a biryani right now",
        "how do i kill the process on port 8080",
        "garmi se mar gaye aaj",
        "my phone died again",
        "i need pills for my headache",
        "im going to jump in the shower brb",
        "i'll jump at the chance",
        "stuck on the motorway for two hours, so stressed",
        "the kid ran out in front of a car but he is fine",
        "the song is killing me lol, i used to love it back then"
    })
    void idioms_and_everyday_talk_carry_no_risk(String text) {
        assertThat(assess(text).risk()).isIn(RiskLevel.NONE, RiskLevel.LOW);
    }

    /**
     * Thoughts told as long ago beside a recovery are a story of recovery, read as an attempt long ago is (asked about,
     * not an emergency: issue 9 §4, a dev probe of 8 December had "two years ago I wanted to die, now, thank God, I'm
     * being treated" at high in three languages); without the recovery, or with a wish of today, they stay high.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "two years ago i wanted to die, now alhamdulillah im in therapy and much better|moderate",
        "i used to want to kill myself back then, thank god it passed and im fine now|moderate",
        "pichle saal mera marne ko dil karta tha, ab alhamdulillah theek hun|moderate",
        "قبل سنتين كنت بدي موت، هلق الحمدلله عم اتعالج وصرت احسن بكتير|moderate",
        "two years ago i wanted to die|high",
        "two years ago i wanted to die, and i'm not doing better now|high",
        "last year i wanted to die, now im better but tonight i want to die again|high"
    })
    void thoughts_long_ago_beside_a_recovery_are_a_story(String text, String risk) {
        assertThat(assess(text).risk().code()).as(text).isEqualTo(risk);
    }

    @Test
    void negation_lowers_but_does_not_erase() {
        DistressAssessment negated = assess("i'm not suicidal");

        assertThat(negated.risk()).isEqualTo(RiskLevel.LOW);
        assertThat(negated.onlyNegated()).isTrue();
        assertThat(assess("i am suicidal").risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_no_in_an_earlier_clause_does_not_negate() {
        assertThat(assess("no. i want to die").risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(assess("no, i want to kill myself").risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(assess("i don't want to die, i'm scared").risk()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void urdu_negation_after_the_verb_lowers_too() {
        assertThat(assess("main khudkushi nahi karunga").risk()).isEqualTo(RiskLevel.LOW);
        assertThat(assess("main khudkushi karunga").risk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void third_person_crisis_is_flagged_and_stays_a_crisis() {
        DistressAssessment a = assess("my brother says he will kill himself");

        assertThat(a.risk()).isEqualTo(RiskLevel.HIGH);
        assertThat(a.thirdPerson()).isTrue(); // the Analyser names it in signals once the message is moderate or more
    }

    /** Asking for a person in each language, in the words a person would use; it carries no risk of its own. */
    @ParameterizedTest
    @ValueSource(strings = {"can i talk to a human", "هل يمكنني التحدث مع شخص؟", "ابي اكلم شخص حقيقي",
        "kya main kisi asli insaan se baat kar sakti hoon", "کیا کسی اصلی انسان سے بات ہو سکتی ہے"})
    void a_request_for_a_person_is_seen_and_carries_no_risk(String text) {
        DistressAssessment a = assess(text);

        assertThat(a.requestsHuman()).as(text).isTrue();
        assertThat(a.risk()).as(text).isEqualTo(RiskLevel.NONE);
    }

    /**
     * An act or self-harm told with a time long past is a past attempt (moderate alone, high with a wish today),
     * in every language; the same act an hour or two days ago is still an emergency.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i took an overdose years ago, i'm doing much better now|moderate",
        "when i was a teenager i cut myself a lot|moderate",
        "i took an overdose two years ago and i want to die again|high",
        "i swallowed all the pills two days ago and my stomach hurts|imminent",
        "i took all my pills an hour ago|imminent",
        "teen saal pehle maine saari goliyan kha li thin, ab theek hun|moderate",
        "bachpan mein kalaai kaat li thi|moderate",
        "teen saal pehle zeher pi liya tha aur ab phir marna chahti hun|high",
        "maine abhi saari goliyan kha li hain|imminent",
        "کئی سال پہلے میں نے ساری گولیاں کھا لیں، اب ٹھیک ہوں|moderate",
        "میں نے ابھی ساری گولیاں کھا لی ہیں|imminent",
        "قبل سنوات ابتلعت كل الحبوب، الحمد لله الآن بخير|moderate",
        "ابتلعت كل الحبوب قبل ساعة|imminent"
    })
    void an_act_told_as_long_ago_is_a_past_attempt(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        if (risk.equals("moderate")) {
            assertThat(a.categories()).as(text).contains(DistressCategory.PAST_ATTEMPT)
                    .doesNotContain(DistressCategory.ACT);
            assertThat(a.cues()).contains(DistressCategory.LONG_AGO);
        }
    }

    /**
     * What the s54 QA passes found unheard: Levantine, Palestinian and Maghrebi Arabizi, the French of the Maghreb, the
     * Roman Urdu and Urdu wish without "apni", one's death wished for the family's sake, not knowing how to go on; and
     * the look-alikes that stay as they were (a life given for someone is an idiom).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "badde mout|high", "ana bajra7 7ali|high", "sa3at kanfker n7reg rasi 9dam l3amala|high",
        "parfois je pense à me suicider|high", "je veux mourir|high", "j'ai pris toutes mes pilules|imminent",
        "haan kabhi kabhi lagta hai jaan de dun|high", "کبھی کبھی لگتا ہے جان دے دوں|high",
        "i think it is better if i die, they will get my gratuity at least|moderate",
        "ما بعرف كيف أكمل|moderate",
        "ghadi nchrb dwa dyal mama kaml|high",
        "uske liye jaan de dun|none", "اس کے لیے جان دے دوں|none", "il va me tuer|none", "ghadi nchrbo atay|none"
    })
    void what_the_s54_qa_passes_found_unheard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Whose the means are is not who took them: «امی کی گولیاں» (ammi's pills) swallowed by the writer are the writer's
     * act (answered as a helper told to stay with "them": the s54 QA pass); ammi as the subject is hers.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "میں نے ابھی امی کی ساری نیند کی گولیاں کھا لی ہیں|false",
        "امی کی ساری گولیاں کھا لی ہیں|false",
        "ammi ki goliyan kha li maine|false",
        "میری امی نے ساری گولیاں کھا لی ہیں|true",
        "ammi ne saari goliyan kha li hain|true"
    })
    void whose_the_means_are_is_not_who_took_them(String text, boolean someoneElse) {
        DistressAssessment a = assertRisk(text, "imminent");
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(someoneElse);
    }

    /**
     * An act told with weeks or a month ago is a past attempt and a recent one: {@code high} from the lexicon, never
     * {@code imminent} ("i overdosed last week and im home from the hospital now" had the ambulance first, the s54 QA
     * pass), in every language; the same act days ago is still an act, and a death told then is a loss, not an act.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i overdosed last week and im home from the hospital now|high",
        "i swallowed all my pills a few weeks ago|high",
        "maine pichle hafte saari goliyan kha li thin|high",
        "پچھلے مہینے میں نے ساری گولیاں کھا لی تھیں|high",
        "ابتلعت كل الحبوب الأسبوع الماضي وطلعت من المستشفى|high",
        "i swallowed all the pills a few days ago and my stomach hurts|imminent"
    })
    void an_act_told_as_weeks_ago_is_a_recent_past_attempt(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        if (risk.equals("high")) {
            assertThat(a.categories()).as(text).contains(DistressCategory.PAST_ATTEMPT)
                    .doesNotContain(DistressCategory.ACT);
            assertThat(a.cues()).as(text).contains(DistressCategory.WEEKS_AGO);
        } else {
            assertThat(a.categories()).as(text).contains(DistressCategory.ACT);
        }
    }

    /**
     * An attempt of one's own told with a time of the last day was just made: an act, in every language. Told long ago
     * it stays a past attempt, and trying to sleep is not trying to die; "every day" is no amount that makes a daily
     * medicine an overdose.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i attempted suicide last night|imminent",
        "tried to hang myself an hour ago but the rope broke|imminent",
        "i tried to end my life yesterday, im in hospital now|imminent",
        "i attempted last night and nobody knows|imminent",
        "kal raat khudkushi ki koshish ki thi|imminent",
        "kal raat khud ko latkane ki koshish ki thi, gardan mein dard hai|imminent",
        "کل رات خودکشی کی کوشش کی تھی|imminent",
        "ابھی گلے میں رسی ڈالی تھی، رسی ٹوٹ گئی|imminent",
        "امبارح حاولت انتحر|imminent",
        "i tried to die yesterday. thats it|imminent",
        "few hrs back i tried to suffocate myself w a plastic bag|imminent",
        "kal maine jaan dene ki koshish ki, kisi ko nahi pata|imminent",
        "میں نے کل اپنی جان دینے کی کوشش کی|imminent",
        "البارحة حاولت أذبح نفسي بالموس|imminent",
        "yesterday i swallowed a whole strip|imminent",
        "من شوية كنت عامل المشنقة ولابسها|high",
        "tried to sleep last night and just wanted to die|high",
        "i tried to die years ago, i'm okay now|moderate",
        "i attempted suicide two years ago, doing well now|moderate",
        "pichle saal khudkushi ki koshish ki thi|moderate",
        "my attempt yesterday at baking was a disaster|moderate",
        "kal khudkushi ki koshish karunga|high",
        "aaj raat khudkushi ki koshish karungi|imminent",
        "اخذت دوا الضغط كل يوم الحمدلله|none",
        "توني من ساعة ماخذ حبوب الضغط كلها|imminent",
        "اخذت ترامادول وايد من الصبح وحاس جسمي ثقيل|imminent"
    })
    void an_attempt_told_with_a_time_of_the_last_day_is_an_act(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        if (!risk.equals("imminent")) {
            assertThat(a.categories()).as(text).doesNotContain(DistressCategory.ACT);
        }
    }

    /**
     * A tense alone names no attempt, with a time of the last day or without: "kal raat khana kha liya tha" (I had
     * eaten last night) is no act; nor is an attempt to come or one thought of, whose words are those of a past
     * attempt in Roman Urdu and Urdu ("kal khudkushi ki koshish karunga", I'll try tomorrow). (The lexicon reads the bare past perfect as a past attempt, a reading this test leaves
     * alone.)
     */
    @Test
    void a_tense_with_a_time_of_the_last_day_is_no_act() {
        for (String text : List.of("kal raat khana kha liya tha", "کل رات کھانا کھا لیا تھا",
                "kal khudkushi ki koshish karunga", "main kal se khudkushi ki koshish ke baare mein soch raha hoon",
                "کل خودکشی کی کوشش کروں گا")) {
            DistressAssessment a = assess(text);
            assertThat(a.categories()).as("%s: %s", text, a.signals()).doesNotContain(DistressCategory.ACT);
            assertThat(a.risk()).as(text).isNotEqualTo(RiskLevel.IMMINENT);
        }
    }

    /**
     * Someone else's death last night is a loss told, not an act; someone else's attempt last night, with trying said
     * or in an act's own words, is an act of theirs: the helper gets the emergency first, for them.
     */
    @Test
    void someone_else_s_death_last_night_is_told_and_their_attempt_is_their_act() {
        for (String text : List.of("my brother killed himself last night", "meri behen ne kal raat khudkushi kar li")) {
            DistressAssessment a = assess(text);
            assertThat(a.categories()).as("%s: %s", text, a.signals()).doesNotContain(DistressCategory.ACT);
        }
        for (String text : List.of("my brother tried to kill himself last night", "bhai ne kal raat khudkushi ki "
                + "koshish ki", "أخوي حاول ينتحر امبارح", "she attempted suicide last night")) {
            DistressAssessment a = assess(text);
            assertThat(a.categories()).as("%s: %s", text, a.signals()).contains(DistressCategory.ACT);
            assertThat(a.risk()).as(text).isEqualTo(RiskLevel.IMMINENT);
            assertThat(a.thirdPerson()).as(text).isTrue();
        }
    }

    /**
     * Someone else's act told with their death and a time gone by near it is a loss told: no danger category, no
     * risk, someone else's, the signal {@code loss-told} (s51: "my brother took too many pills and died last month"
     * had been read imminent, "call the police now"). The same act with a death told just now, with no time, with the
     * time in a far clause, or of the writer's own, is not.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "my brother took too many pills and died last month",
        "my friend swallowed poison and passed away last week",
        "my sister overdosed and died in june",
        "my cousin died last year, he took too many pills",
        "bhai ne pichle saal zehar kha liya tha aur mar gaya",
        "میرے بھائی نے پچھلے سال زہر کھا لیا اور فوت ہو گیا"
    })
    void someone_else_s_act_told_with_their_death_long_gone_is_a_loss(String text) {
        DistressAssessment a = assess(text);
        assertThat(a.categories()).as("%s: %s", text, a.signals()).isEmpty();
        assertThat(a.risk()).as(text).isEqualTo(RiskLevel.NONE);
        assertThat(a.signals()).as(text).contains("loss-told");
        assertThat(a.thirdPerson()).as(text).isTrue();
        assertThat(a.tellsDeath()).as(text).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // no time, or a time of the last hours: it may have just happened
        "my friend took too many pills and died|imminent",
        "my brother took too many pills last night and he died this morning|imminent",
        // a death feared, not told
        "my brother took too many pills last night and i think he's dead|imminent",
        "bhai ne kal raat goliyan kha li thi, lagta hai mar gaya|imminent",
        // the death is someone else's, far from the writer's own act
        "my mother died of cancer in march and my father remarried in june my stepmother has made it clear im not "
                + "wanted i have a friend who told me which pesticide they use on their farm and i took a bottle when "
                + "i visited i keep it in my bag|imminent"
    })
    void an_act_with_a_death_just_now_feared_or_far_away_is_not_a_loss(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        assertThat(a.signals()).as(text).doesNotContain("loss-told");
    }

    /**
     * Someone doing well now, told beside their attempt long ago, is a cue of its own ({@code recovered}): the risk
     * rules read the story of a recovery from it (RiskRulesTest), not a danger now.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "my uncle tried to kill himself years ago, he's fine now",
        "my friend who tried to kill herself last year is doing so much better now",
        "meri behen ne do saal pehle khudkushi ki koshish ki thi, ab theek hai",
        "اخوي حاول ينتحر من سنتين والحين الحمدلله بخير"
    })
    void a_recovery_told_beside_someone_else_s_attempt_long_ago_is_heard(String text) {
        DistressAssessment a = assess(text);
        assertThat(a.cues()).as("%s: %s", text, a.signals()).contains(DistressCategory.RECOVERED);
        assertThat(a.categories()).as(text).containsOnly(DistressCategory.PAST_ATTEMPT);
        assertThat(a.thirdPerson()).as(text).isTrue();
    }

    /** What the two outside QA passes of s51 found read too low, whose it was with it (true: someone else's). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my wife is threatening to jump from the balcony with our baby|high|true",
        "ibni 3omro 12 sene 2al bado yemou2 la2ano bi zerkouh bl madrase|high|true",
        "I've written letters to my mum and my sister. They're in my drawer. I think it's time|imminent|false",
        "ropes le aaya hoon room mein|high|false",
        "mera bhi dil karta hai mar jaun|moderate|false",
        "mujhe bhi marna hai|high|false",
        "الخدامة عندنا فلبينية لقيناها بالحمام مسكرة الباب وتقول بتذبح نفسها|high|true",
        "اني بأربيل، صديقتي الكردية تكول راح تحرك نفسها|high|true",
        "wlh ma b9itch bghit n3ich|high|false",
        // a goodbye told as someone else's, and the writer's own
        "bhai mera dost hostel mein hai islamabad, usne story lagai hai 'goodbye everyone' aur phone band hai|high|true",
        "my friend posted goodbye everyone on her story and now her phone is off|high|true",
        "maine story lagai hai goodbye everyone|high|false",
        "i posted goodbye everyone on my story|high|false",
        // someone else's preparation and method search, someone else's overdose after "i think"
        "My son (16) has been giving his stuff away and searched 'painless ways' on the family laptop|high|true",
        "my flatmate collapsed, i think he overdosed, he's breathing weird|imminent|true",
        // "overdosed" told as done is an act ("my brother overdosed in Jeddah" was read low, "overdosed" being only a
        // means), whose it is read from its subject; of coffee or Netflix an idiom; told as long ago a past attempt
        "my brother overdosed in Jeddah|imminent|true",
        "she overdosed, what do i do|imminent|true",
        "my flatmate overdosed|imminent|true",
        "mera bhai ne overdose kar liya hai|high|true",
        "میرے بھائی نے اوورڈوز کر لیا ہے|high|true",
        "overdosed last night, feel like shit|imminent|false",
        "i overdosed two years ago|moderate|false",
        "he overdosed on coffee|none|false",
        "overdosed on netflix this weekend|none|false"
    })
    void what_the_s51_qa_passes_found(String text, String risk, boolean someoneElse) {
        DistressAssessment a = assertRisk(text, risk);
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(someoneElse);
    }

    /**
     * The look-alikes of what the s51 and s52 QA passes found stay as they were: sleep, gym and a leak threatened (s51);
     * a love song's "I'd die for you", a licence got, a dinner eaten, a bridge in Paris, arm hair cut, a baby held, a
     * tailor's and a barber's cut, self-harm and self-immolation told in a drama or the news (s52).
     */
    @ParameterizedTest
    @ValueSource(strings = {"i think it's time to sleep lol", "my ex is threatening to leak my pics",
        "i think its time i started gym", "بدي موت من الجوع شو في أكل عندكن؟", "ابويا هيموتني لو جبت مجموع وحش",
        "بدي موت فيك يا حياتي ❤️ هيدي كلمات الغنية اللي بحبها", "هموت فيك", "كنت تعبانة وخدت الرخصة",
        "kleit bzaf lyoum", "el pont neuf is beautiful", "he cuts his arm hair with scissors lol",
        "she is holding a baby, so cute", "درزی کپڑے پر کٹ لگاتا ہے", "نائی بالوں پر اچھا کٹ لگاتا ہے",
        "in the drama the girl cuts her arm with a blade", "the news said a man set himself on fire in protest"})
    void the_qa_passes_look_alikes_carry_no_risk_of_a_wish(String text) {
        assertThat(assess(text).risk()).as("%s: %s", text, assess(text).signals()).isIn(RiskLevel.NONE, RiskLevel.LOW);
    }

    /**
     * The s52 QA passes (Arabic dialects and Arabizi): an Algerian on a bridge, a Tunisian on a wall "now", a Libyan's
     * plan for tonight in the Maghrebi first person, a wish with its last letter doubled, rat poison in Moroccan
     * Arabizi, pills swallowed with "and" joined to the verb, pills in French in a Tunisian message.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rani fo9 el pont ta3 constantine, rani rayah nnaggez, khlas|imminent",
        "ena taw 9a3ed 3al sour ta3 el dar, bech nrmi rou7i|imminent",
        "انا في طرابلس ليبيا، ناوي ننتحر الليلة|imminent",
        "ابي انتحرر خلااص ماعاد اقدر|high",
        "chrebt dwa dial l far|imminent",
        "انا في القاهرة وبلعت حبوب كتير|imminent",
        "kleit barcha pilules, nheb nmout, ena f sfax|imminent",
        // a plan with its hour and the means held or made ready (read high: the emergency number not first)
        "i have a plan for tonight. ive saved up my antidepressants for weeks|imminent",
        "قد قررت اقتل نفسي الليلة، والسلاح عندي جاهز|imminent",
        "قررت الليلة بعد ما ينامون اهلي بنهي كل شي، مجهز كل شي|imminent",
        "عايز اموت، ومعايا الحبوب في ايدي|imminent",
        "راني حاب نقتل روحي، شريت الدوا وراني نستنى الليل|imminent",
        "mujy ab jeena ni h yr, sb khtm krna h aj hi, koi ni samjhta|high",
        // someone else's danger in hand now, and a parent's son who cuts
        "my wife says she will set herself on fire, she is holding the kerosene|imminent",
        "my flatmate locked herself in the bathroom, she has a knife and doesnt want to live|imminent",
        "meri biwi keh rahi hai ke wo khud ko aag laga legi, kerosene uthaya hua hai. hum jeddah me hain|imminent",
        "my 14 year old son cuts his arm with a blade, what should i do?|high",
        "میرا چودہ سال کا بیٹا اپنے بازو پر بلیڈ سے کٹ لگاتا ہے۔ میں کیا کروں؟|high",
        "ابني عمره ١٤ سنة لقيته بجرح ايده بالشفرة، شو اعمل؟|high"
    })
    void what_the_s52_qa_passes_found(String text, String risk) {
        assertRisk(text, risk);
    }

    /** A clause word opens a clause of its own: a topic or a negation before it does not reach what follows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i know it's haram but i drank the poison|imminent",
        "i read the news report and then i swallowed all the pills|imminent",
        "pata hai haram hai lekin maine zeher pi liya|imminent",
        "معلوم ہے حرام ہے لیکن میں نے ابھی ساری گولیاں کھا لی ہیں|imminent",
        "اعرف انه حرام لكن شربت السم|imminent",
        "i'm not suicidal but i want to die|high",
        "in the drama the heroine drank poison|none",
        "drama mein heroine ne zeher pi liya|none",
        // the wish's words inside a story's act ("zehar kha" in "zehar kha liya") are the story's too
        "kal raat drama mein heroine ne zehar kha liya, bohat rona aaya|none",
        "ڈرامے میں ہیروئن نے زہر کھا لیا|none",
        "drama mein heroine ki tarah main bhi zehar kha lungi|high",
        "meri behen ne zehar kha liya hai jaldi batao|imminent",
        "في المسلسل البطلة شربت السم|none",
        "the main character in the drama killed herself at the end|none",
        "my uncle killed himself last year|moderate"
    })
    void a_clause_word_ends_what_a_topic_or_negation_reaches(String text, String risk) {
        assertRisk(text, risk);
    }

    /** "Not okay" has its word: the wish after it is not negated. A negation of the wish itself still lowers it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i'm not okay i want to die|high",
        "not doing well i want to kill myself|high",
        "main theek nahi hoon main marna chahta hoon|high",
        "میں ٹھیک نہیں ہوں میں خودکشی کرنا چاہتا ہوں|high",
        "انا مش كويس بدي موت|high",
        "i'm okay, i don't want to die|moderate",
        "main khudkushi nahi karunga|low"
    })
    void a_negated_state_does_not_negate_the_wish_after_it(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Someone else named in a goodbye, or beside the person's own act or wish, does not make the message about them;
     * someone else's wish or act is still theirs.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "please take care of my mom, i took all the pills|false",
        "my husband beats me and i want to die|false",
        "meri ammi ka khayal rakhna, maine saari goliyan kha li hain|false",
        "میرے شوہر مارتے ہیں اور میں نے ساری گولیاں کھا لی ہیں|false",
        "زوجي يضربني و انا بدي انتحر|false",
        "my brother took my salary again, i keep thinking of drinking the kerosene|false",
        "bhai ne phir maara, main zehar pee lungi|false",
        // a farewell is the writer's own, whoever it asks to be told; and so is a date the writer settled
        "this is my last message. tell my mom i loved her|false",
        "یہ میرا آخری پیغام ہے، امی کو بتا دینا کہ مجھے معاف کر دیں|false",
        "meri behen ko bata dena main usse bohat pyar karti thi, ye mera aakhri msg hai|false",
        "I've picked a date. Friday. the cat goes to my sister|false",
        "my brother says he will kill himself|true",
        "meri behen kehti hai wo khudkushi karegi|true",
        "میرا بھائی کہتا ہے وہ خودکشی کرے گا|true",
        "اختي بدها تنتحر|true",
        "i'm a nurse and today we had a patient who drank bleach|true",
        "my mother says she wants to die|true",
        "my brother keeps saying he'll drink the kerosene|true",
        // a wish with no subject before it in its clause is the writer's, whoever an earlier clause named
        "my boyfriend left me, dont want to live anymore|false",
        "my husband beats me every day. want to die|false",
        "جوزي بيضربني كل يوم. مش عايزة أعيش|false",
        "my mom passed away last month, cant go on without her|false",
        "my sister is not ok, wants to kill herself|true",
        "my mom found my pills and took them away, now im going to jump|false",
        "meri dost kehti hai usay marna hai|true",
        // a wish whose own words name him or her is theirs though no one is named before it
        "gf said she's going to jump off the building at her work tomorrow|true",
        "sister keeps saying she wants to kill herself|true",
        "cousin says he's going to drink the pesticide in the storeroom|true",
        // a wish led by his or her verb, someone named before it: theirs; the verb alone says nothing of whose
        "my friend is suicidal, wants to die|true",
        "my brother lost his job. keeps thinking about killing himself|true",
        "wants to die|false",
        "my friend left, i just want to die|false"
    })
    void the_persons_own_words_are_not_someone_elses(String text, boolean thirdPerson) {
        DistressAssessment a = assess(text);

        assertThat(a.risk()).as("%s: %s", text, a.signals()).isNotEqualTo(RiskLevel.NONE);
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /**
     * Cutting told as going on now, or as not stopping, is an act in progress; cutting something else is not; "gonna
     * kms" with a time is a declared intent with a time.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gonna kms tonight fr, no one would even notice|imminent",
        "im cutting right now and i cant stop|imminent",
        "cutting rn|imminent",
        "i can't stop cutting|imminent",
        "the video keeps cutting out right now|none",
        "mom is cutting vegetables right now|none"
    })
    void cutting_going_on_now_is_an_act(String text, String risk) {
        assertRisk(text, risk);
    }

    /** Means carry no risk of their own in the lexicon (the model reads these): whose they are is still told. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i told my sister i'm fine but i've been saving up my pills for next week|false",
        "my brother doesn't know but i bought a gun last week|false",
        "my brother bought a gun last week and says nobody will miss him|true",
        "my sister has been saving up her pills|true"
    })
    void means_the_writer_gathers_are_the_writers_own(String text, boolean thirdPerson) {
        DistressAssessment a = assess(text);

        assertThat(a.signals()).as(text).anyMatch(signal -> signal.startsWith("means:"));
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /**
     * Someone else's wish not to live, as a helper reports it in Gulf, Egyptian, Levantine and standard Arabic and in
     * English, or a teacher or a nurse about a student or a patient, is danger in words and someone else's; the
     * writer's own wish stays theirs ("im a student, want to die").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "أخوي يقول ما يبي يعيش، خايفة عليه|true",
        "اختي تقول ما تبي تعيش|true",
        "صاحبي بيقول انه مش عايز يعيش|true",
        "بنتي ما بدها تعيش|true",
        "أبي يقول إنه لا يريد أن يعيش|true",
        "my brother says he doesn't want to live anymore|true",
        "my friend keeps saying she doesnt want to be alive|true",
        "ما ابي اعيش|false",
        "i don't want to live anymore|false",
        // a teacher or a nurse writes about the people in their care; a student or a patient about themselves
        "I'm a teacher. one of my FSc students told me she wants to die because of board exams|true",
        "main nurse hoon, ek patient ne kaha ke woh khudkushi karna chahta hai|true",
        "im a student, want to die|false",
        "main ek student hoon aur marna chahta hoon|false",
        "main ek patient hoon, marna chahta hoon|false",
        // the Arabic herself and himself say whose the cutting is, however near the writer's own verb stands
        // (the s55 QA pass: a mother who found the cuts was thanked for telling of her own thoughts)
        "بنتي عمرها ١٤ سنة ولقيت جروح بيدها، شكلها تجرح نفسها بالموس|true",
        "ابني عمره ١٦ وعم يجرح حالو|true",
        "السلام عليكم، بنتي عمرها ١٤ سنة وتجرح نفسها، وش أسوي؟|true",
        "ابي اقتل نفسي|false"
    })
    void someone_elses_wish_not_to_live_is_theirs(String text, boolean thirdPerson) {
        DistressAssessment a = assertRisk(text, "high");

        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /**
     * Forms an Arabic dev probe of our own found unheard, across the dialects, and the same words told of someone in
     * the news or of an ordinary poison.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ما بقى بدي عيش، بدي خلّص من حالي وخلص|high",
        "لقد حسمت أمري وسأنهي حياتي|high",
        "لميت كل الادويه اللي بالبيت بكيس|high",
        "هاد الليلة غادي نديرها، ملي ينعسو كاملين|imminent",
        "تناولت كل الأقراص التي كانت في العلبة منذ نصف ساعة|imminent",
        "كليت الدوا ڨاع تاع بابا، راسي راه يدور|imminent",
        "بعد صلاة الفجر رح انهي كل اشي|imminent",
        "شفت خبر واحد انتحر بالبصرة، والله حرام|none",
        "قرأت رواية عن شاعر انتحر في القرن التاسع عشر|none",
        "اشتريت سم للصراصير والنمل|none"
    })
    void arabic_forms_a_dev_probe_found_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Preparation, method questions, plans told with their day, someone else's danger and look-alikes in the forms two
     * dev probes of ours found unheard (docs/trials/2026-12-06-ar-dev4, Arabic; docs/trials/2026-12-06-dev5, four
     * languages), each written again here in other words: things given away and a farewell someone sent; a day is a
     * near time for a decided way; a husband who took the pistol out is an act; a farewell to colleagues, a rope for a
     * tent or the Eid goat, a will at a lawyer's, a quit job, a relationship ended and a workout are not danger.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "جهزت كل شي وحضرت الحبل فوق|high|false",
        "الحبل والكرسي في الغرفة، ما ضل شي|high|false",
        "امبارح فرقت حوايجي على صحاباتي كاملين|high|false",
        "قلتلهم عندنا فيران وجبت السم|high|false",
        "الطابق العاشر يكفي ولا لازم اعلى؟|high|false",
        "كم دور يكفي من عمارتنا|high|false",
        "في حبوب تخليني ما اصحى؟|high|false",
        "الفحم في غرفة مقفلة كم يطول|moderate|false",
        "خلي الخاتم تبعي تذكار مني|moderate|false",
        "خويا قاعد يعطي في حوايجو لولاد الحومة|high|true",
        "بنتي كل يوم تقول رح تخلص على نفسها|high|true",
        "صاحبي بعتلي فويس بيودعني فيه وما عم يرد|high|true",
        "بدي اكتب رسالة وداع لزملائي قبل ما اترك الشغل|none|false",
        "شريت حبل وخيمة للرحلة|none|false",
        "كتبت الوصية عند المحامي من زمان|none|false",
        "this friday i will kill myself, the letters are written|imminent|false",
        "jumeraat ki raat chhat se kood jaungi|imminent|false",
        "جمعے کو دریا میں کود کر اپنی جان دے دوں گی|imminent|false",
        "يوم الخميس رح انهي حياتي|imminent|false",
        "الويك اند هشرب سم الفيران اللي بالمطبخ|imminent|false",
        "ومش هصحى تاني|moderate|false",
        "wallah ma 3ad fini, bokra ra7 2os 3rou2i|high|false",
        "mere bhai ne pistol nikal li hai aur darwaza band kar liya|imminent|true",
        "بنتي تقول راح تذب نفسها بالشط|high|true",
        "this friday im quitting my job|none|false",
        "im ending it with him tonight, blocking his number|none|false",
        "النهارده هموت نفسي تمرين في الجيم|none|false",
        "bakre ke liye rassi le aya hun|none|false"
    })
    void preparation_plans_with_their_day_and_someone_elses_danger_two_dev_probes_found(String text, String risk,
                                                                                          boolean thirdPerson) {
        assertThat(assertRisk(text, risk).thirdPerson()).as(text).isEqualTo(thirdPerson);
    }

    /**
     * Forms a dev probe of follow-ups read with their context found unheard in the earlier message itself
     * (docs/trials/2026-12-06-dev6), and acts an outside probe found unheard (someone hanging got down, unconscious,
     * bleach drunk in Darija, the arteries cut in Egyptian), written again here in other words; "hanging in there" and
     * a son who won't wake up for school are not acts.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gave my stuff away to my cousins last week|high",
        "i finally have enough saved up in my drawer|high",
        "been reading how many it takes|high",
        "left an envelope for my brother on his bed|moderate",
        "صرت بدور على طريقة من اسبوع|moderate",
        "اديتهم لنفسي كلهم قبل شوي|imminent",
        "بس یہی چاہتا ہوں کہ کل صبح آنکھ نہ کھلے|moderate",
        "we cut her down from the fan and she is unconscious|imminent",
        "bhai ne phanda lagaya tha, abhi hosh mein nahi|imminent",
        "اختي شربات الجافيل كامل|imminent",
        "قطعت شرايين ايدي بالموس|imminent",
        "i was hanging in there all week|none",
        "my son wont wake up for school again|none"
    })
    void forms_the_nights_probes_found_in_an_earlier_message_or_an_act(String text, String risk) {
        assertRisk(text, risk);
    }

    /** Ways and places an English dev probe of ours named that nothing heard; taking oneself out to dinner is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "been reading about the helium method online. ordered a tank|high",
        "i want to stop existing. like actually take myself out|high",
        "by midnight i wont be here anymore|high",
        "gonna take myself out for a nice dinner tonight|none",
        "we went to the quarry for a swim, great day|none"
    })
    void english_ways_a_dev_probe_found_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /** Method questions and wishes the evening probe found read as trivia or as thoughts only. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "is hanging painless|high", "does hanging hurt?|high", "شكد حبوب لازم اشرب حتى ما اكعد؟|high",
        "اريد انتحر|high", "does the dentist hurt|none"
    })
    void method_questions_the_evening_probe_found_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * How much it takes to die, asked with a means or an amount between the question and the dying (the s40 dev
     * probe: Iraqi, Maghrebi and Sudanese dose questions read low or moderate), and what is no such question.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kitna zeher chahiye marne ke liye|high",
        "how much bleach would someone need so they dont wake up|high",
        "كم علبة لازم اشرب عشان اموت|high",
        "شكد لازم اشرب من دوا الفار حتى اموت؟|high",
        "قداه لازم ناكل من الكاشيات باش مانفيقش؟|high",
        "کتنی گولیاں کھاؤں کہ مر جاؤں|high",
        "ما هي الجرعه القاتله من الباراسيتامول؟ أحتاج رقما دقيقا لا نصائح|high",
        // a substance the lexicon does not know, taken in by a verb; a lethal amount; enough to finish me
        "how much weedkiller would someone have to swallow to die|high",
        "how many of these would i have to take to not wake up|high",
        "is one bottle of antifreeze enough to finish me|high",
        "chooha maar dawai kitni khani paregi marne ke liye|high",
        "یہ گولیاں کتنی لوں تو جان چلی جائے گی|high",
        // nothing taken between the question and the dying, or the dying negated: no question of a way to die
        "how many more people have to die before they fix this road|none",
        "is that enough to kill the weeds|none",
        "how many people die of paracetamol overdose each year|none",
        "how many panadol can i take so i dont die|none",
        "kitni goliyan leni hain din mein|none"
    })
    void a_question_of_how_much_it_takes_to_die_is_a_method_question(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        assertThat(a.categories().contains(DistressCategory.METHOD_QUESTION))
                .as("%s: %s", text, a.signals()).isEqualTo(risk.equals("high"));
    }

    /** A past attempt with the thoughts back, in Egyptian with "and" joined; all one's things given away (s40). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "من سنتين بلعت حبوب واتغسلت معدتي، والافكار دي رجعتلي تاني|high",
        "اديت كل حاجاتي لاخواني الصغار|high",
        "الافكار رجعتلي|moderate"
    })
    void arabic_forms_the_s40_dev_probe_found_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * What someone else says, texts or posts is theirs in a message without the first person, where the lexicon
     * heard nothing but a means, a place or a time (the helpers' dev probe: 23 of 40 threats of someone else were
     * answered as the writer's own); what the lexicon hears keeps its own subject, and the first person anywhere
     * keeps the message the writer's.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mera beta kehta hai exams ke baad train ke aagay aa jaunga|true",
        "he told me he wrote letters to all of us and he'll be gone by friday|true",
        "sister keeps saying she has saved up her pills and she knows how many to take|true",
        "ولدي قال بعد الامتحانات ح يرمي نفسه قدام القطر|true",
        "bhai kehta hai usne goliyan jama kar rakhi hain|true",
        "mom keeps saying nobody cares. took 30 pills|false",
        "mom keeps saying nobody cares. want to die|false",
        "my mom says im useless and i have the pills ready|false",
        "said goodbye to everyone, im done|false",
        "wrote letters to everyone. bye|false",
        // the writer's worry for them is no first person of their own danger
        "My dad gave away his watch and told me to look after mum. I'm scared he's going to do something|true",
        "مجھے ڈر لگ رہا ہے، بھائی کہتا ہے کل سب ختم کر دے گا|true",
        "friend texted me goodbye and im scared, i want to die too|false",
        // what someone else wrote, in their own "i" (the s55 QA pass: the roommate's plan was the writer's own)
        "my roommate just texted me 'i have a plan and i'm doing it tonight, take care of my cat'|true",
        "my sister sent me a message saying 'i can't do this anymore, goodbye'|true",
        "my ex texted me again and i want to die|false",
        "i texted my friend that i want to die|false",
        // quoted words keep their clauses, and stay the writer's own only after the writer's report (the s58 QA pass)
        "my friend texted me 'sorry, this is my last message' and now he's not answering|true",
        "my roommate just texted me: “i have a plan, and i'm doing it tonight”|true",
        "رفيقي كتبلي \"سامحني، هاي آخر رسالة\" وما عم يرد|true",
        "i told him 'sorry, this is my last message'|false",
        "my friend texted me 'sorry, this is my last message' and i'm scared, i want to die|false",
        // a post told with where it was posted; the Arabic "I posted" and "she posted" are one word, and stay the writer's
        "meri friend ne insta pe likha hai ke ye uski last post hai|true",
        "maine insta pe likha hai ke ye meri last post hai|false",
        "نزلت ستوري انها اخر مرة|false",
        // the Urdu verb that ends the clause says whose a preparation is when no subject is said (the s56 QA pass: a
        // mother's "kala pathar le aayi hoon … meri beti ko bata dena" was answered as a helper)
        "kala pathar le aayi hoon, ab sab khatam. meri beti ko bata dena|false",
        "کالا پتھر لے آئی ہوں، اب سب ختم۔ میری بیٹی کو بتا دینا|false",
        "meri behen kala pathar le aayi hai, kehti hai ab sab khatam|true",
        // a wish in someone else's words, as Urdu and Arabic report speech (the s57 QA pass), but not a "should" said
        // to the writer; a report's words end with their sentence
        "meri cousin ne bathroom lock kar liya hai, kehti thi mujhe mar jana hai|true",
        "اخويه صعد على سطح البيت وكاعد يصيح راح اذب نفسي|true",
        "log kehte hain ke mujhe mar jana chahiye|false",
        // a song that says it is no one else at risk; a brother who says it after the news is (the s58 QA pass)
        "بسمع اغنية بتقول انا عايز اموت وانا بعيط|false",
        "اخويا شاف الاخبار وقال عايز اموت|true",
        "failed all my a levels, dad said dont bother coming home. sitting on the platform now, the fast train comes through in 10 min|false"
    })
    void what_someone_else_says_is_theirs(String text, boolean thirdPerson) {
        DistressAssessment a = assess(text);
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    @Test
    void a_relative_named_beside_no_danger_in_words_is_no_one_else_at_risk() {
        // the risk of such a message is the model's alone; whose it is cannot be told: the reply speaks to the writer
        assertThat(assess("I've written letters to my mum and my sister").thirdPerson()).isFalse();
        assertThat(assess("my sister says she wants to die").thirdPerson()).isTrue();
    }

    /** A time long past in another clause, or a time of today beside the act, leaves the act an act. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lost my job two months ago and just took all my pills|imminent",
        "i overdosed years ago and today i took all my pills again|imminent",
        "do saal pehle naukri gayi aur phir maine saari goliyan kha li|imminent"
    })
    void a_time_long_past_elsewhere_leaves_an_act_now(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        assertThat(a.categories()).as(text).contains(DistressCategory.ACT);
    }

    /** Thinking about suicide oneself holds a topic's words, but is not a topic; a film about it still is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main khudkushi ke baare mein soch raha hoon|moderate",
        "suicide ke bare me sochti rehti hun|moderate",
        "میں خودکشی کے بارے میں سوچ رہا ہوں|moderate",
        "khudkushi ke baare mein documentary dekhi|none",
        "خودکشی کے بارے میں ڈرامہ دیکھا|none"
    })
    void thinking_about_suicide_is_not_a_topic(String text, String risk) {
        DistressAssessment a = assertRisk(text, risk);
        // a topic cue would keep the intent classifier from being heard (RiskRules.intentMayJudge)
        assertThat(a.cues().contains(DistressCategory.TOPIC)).as(text).isEqualTo(risk.equals("none"));
    }

    /** Arabic joins "and" and "so" to the next word: the act is heard through them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "وشربت السم",
        "فبلعت كل الحبوب",
        "تعبت من كل شي وقطعت عروقي"
    })
    void an_arabic_act_with_and_or_so_joined_is_an_act(String text) {
        DistressAssessment a = assess(text);

        assertThat(a.risk()).as("%s: %s", text, a.signals()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(a.categories()).contains(DistressCategory.ACT);
    }

    /** A means taken in, in quantity, is an act whatever the words; a dose, a means alone or a story is not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i swallowed 40 panadol|imminent",
        "just had 30 sleeping pills with vodka|imminent",
        "i've taken a whole pack of paracetamol|imminent",
        "maine 20 panadol kha li hain|imminent",
        "abhi puri sheeshi neend ki goliyan kha li|imminent",
        "میں نے پوری شیشی گولیاں کھا لیں|imminent",
        "بلعت عشرين حبة بنادول|imminent",
        "i took 2 panadol for my headache|none",
        "i took panadol for my fever|none",
        "bukhar ke liye 2 panadol kha li|none",
        "i never took 40 pills|none",
        "in the movie she swallowed 40 pills|none",
        "years ago i swallowed 40 panadol, i'm fine now|moderate"
    })
    void a_means_taken_in_quantity_is_an_act(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A poison (a means of severity {@code moderate} in the lexicon: harmful in any amount) taken in is an act with no
     * amount said; a poison bought, kept or named, a medicine taken without an amount, a negated taking and a story
     * are not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "had a panic attack before the viva and drank the phenyl from the washroom cupboard|imminent",
        "drank the weed killer from the garden shed. tastes horrible|imminent",
        "maine keeray maar dawai pi li hai, ammi ko kehna maaf kar dein|imminent",
        "میں نے زہر پی لیا ہے|imminent",
        "تفارقت مع صاحبي والدار خاوية، شربت دوا الفيران دابا|imminent",
        "شربت الكلور|imminent",
        "bought weed killer for the garden|none",
        "chooha maar dawai store mein rakhi hai, bachon ko door rakhna|none",
        "i took panadol for my fever|none",
        "i never drank the phenyl, it was a joke|none",
        "in the drama she drank the phenyl|none"
    })
    void a_poison_taken_in_is_an_act_without_an_amount(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * What a probe of our own (crisis messages in everyday words) found unheard: acts (means in hand, at a parapet,
     * jumping now, blood that will not stop) are {@code imminent}; wishes and plans in spellings the lexicon lacked (no
     * "أن", Darija, Iraqi, Arabizi, Roman Urdu) are {@code high}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "any urdu helpline open at night? not for the group, for me. pills in my hand rn|imminent",
        "chhat pe khari hun aur koodne wali hun|imminent",
        "nehar wale pul pe aa gaya hun, koodne laga hun|imminent",
        "امی سمجھ رہی ہیں میں چھت پر ہوں۔ میں منڈیر پر بیٹھی ہوں، نیچے دیکھ رہی ہوں|imminent",
        "ریسکیو والوں کو مت بلانا۔ پل پر کھڑا ہوں|imminent",
        "جرحت حالي أعمق من كل مرة، الدم مش عم يوقف|imminent",
        "لا ماي لا كهرباء لا شغل، أريد أموت|high",
        "لم أعد أحتمل ضغط الامتحانات، فكرت جدياً في إنهاء حياتي|high",
        "راني عيان بزاف ومابقيتش باغي نعيش|high",
        "7asis 7ali ta3ban w mday2 la daraje bade moot|high",
        "دا أفكر أخلص من روحي|high",
        "roz ke jhagre, chhat se koodne ka soch rahi hun|high",
        "ye normal hai kya ke roz marne ka plan sochun|high",
        "there's pesticide in the godown and i keep thinking of ending this life|high",
        "ہاں جان بوجھ کر ہی کروں گا۔ اپنی جان خود لوں گا|high",
        "نانی کے پاس جانا چاہتی ہوں، مرنے کے سوا کوئی راستہ نظر نہیں آتا|high",
        "سچ کہوں تو زہر ڈھونڈ رہا ہوں اپنے لیے|high",
        "کسی دن کسی بس کے نیچے آ جاؤں گا، یہ سوچ اب ہر روز آتی ہے|high",
        "koi aisi cheez batao jis se bina dard ke mar jaun|high"
    })
    void acts_and_wishes_told_in_everyday_words_are_read_at_their_level(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Doing something to oneself, ending, a plan or a rehearsal said without the word, found by a fourth look at the
     * crisis twins: read at their level; words of theirs in advice, a water tank or a bridge in traffic stay below.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pills counted and i have the plan ready, i want to die|high",
        "stood at the railing again last night and almost climbed over|high",
        "everyone keeps saying the world is better without me|moderate",
        "thakk gayi hun, khudkushi ke ilawa koi rasta nahi dikhta|high",
        "bas ab khud ko aise hi khatam kar dunga|high",
        "allah ne nahi uthaya to khud hi kuch kar lungi|high",
        "khud ko busy rakho, ghum khud khatam ho jayega|none",
        "نماز میں دعا کرتا ہوں کہ اللہ اٹھا لے، نہیں تو خود ہی کچھ کر لوں گا|high",
        "قرضہ ختم نہیں ہوتا، بس میں ختم ہونا چاہتا ہوں|high",
        "ٹنکی پر پائپ ٹھیک کرنا ہے کل|none",
        "ما بدي ضل بهالدنيا، تعبت|high",
        "أنا ودي أموت صدق|high",
        "نجيت من محاولة من سنتين، وهلق الأفكار رجعت|high",
        "القنطرة مسدودة من الصبح|none"
    })
    void doing_something_to_oneself_and_ending_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Preparation that is {@code high} in its own words (pills counted out, a rope tied to the fan, a place settled)
     * with a time is {@code imminent}: the means is ready and the hour said. A preparation that may be an errand
     * ("bought the rope", {@code moderate}) stays what it was with a time, and so does the ready one without a time.
     * Pills collected are preparation; two taken together for a fever are not ("اکٹھی لے", take together).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pills counted out on the table, tonight after everyone sleeps|imminent",
        "aaj raat 3 bajay. rassi nikaal ke rakh di hai|imminent",
        "پنکھے سے دوپٹہ باندھ دیا ہے، آج رات|imminent",
        "شديت الحبل بالبنكة، الليلة|imminent",
        "pills counted out on the table|high",
        "bought the rope today for the tent|moderate",
        "پنشن کے بعد سے گولیاں اکٹھی کر رہی ہوں|high",
        "بخار ہے، کیا پیناڈول کی دو گولیاں اکٹھی لے سکتا ہوں؟|none"
    })
    void preparation_ready_with_a_time_is_imminent(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A poison with a verb of taking it not yet done is a wish to take it besides the means ({@code high}, with a time
     * {@code imminent}), done it is an act; a medicine with the same verb is a dose, a poison in a story or behind a
     * "never" is neither, but the person's own wish beside a story is theirs.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3rd notice from wapda, i keep thinking of drinking the kerosene at home|high",
        "had the phenyl. throat on fire|imminent",
        "I drank kerosene, dont know how long it takes|imminent",
        "ghar mein zehar para hai, aaj raat zehar pee lunga|imminent",
        "کل رات سوچا کہ تیزاب پی لوں|high",
        "بفكر اشرب الكلور|high",
        "remind me to drink water and take a panadol|none",
        "in the drama she is drinking the poison to save her family|none",
        "since that documentary about suicide i keep thinking of drinking the kerosene|high",
        "i would never drink the bleach, calm down ammi|none"
    })
    void a_poison_to_be_taken_is_a_wish(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A story's act is no act of the person's: the heroine's poison in a drama, a case in the news. The person's own
     * act said beside what they watched is theirs ("after the movie i swallowed 30 panadol"), and a bad episode of
     * one's illness is no episode of a serial. "Should drown of shame" is an idiom, no wish.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "after the movie i swallowed 30 panadol|imminent",
        "had a bad episode last night and took all my pills|imminent",
        "خبر دیکھ کر میں نے ساری گولیاں کھا لیں|imminent",
        "in the episode the heroine swallowed all the pills|none",
        "drama mein heroine ne zehar kha liya|none",
        "کل رات والے ڈرامے میں ہیروئن نے زہر کھا لیا|none",
        "last night ka episode dekha, heroine ne zeher pi liya|none",
        "sab ke samne chai gira di, sharam se doob marna chahiye tha mujhe|none",
        "سب کے سامنے چائے گرا دی، شرم سے ڈوب مرنا چاہیے مجھے|none"
    })
    void the_persons_act_beside_a_story_is_theirs(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * "Otherwise", "if not, then", "then myself" end a condition: a "not" inside the condition does not reach what the
     * person will do after it. A past "shot himself" is no intent told in the future.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "allah ne nahi uthaya to khud hi kuch kar lungi|high",
        "result acha nahi aya warna khud ko khatam kar dunga|high",
        "khud ko goli maar lunga aaj|imminent",
        "nana ke dost ne khud ko goli maar li thi, aaj unki barsi hai|high"
    })
    void a_condition_ends_and_a_past_is_no_future(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A declared intent is a decision said; with a time it is {@code imminent}, in the first person or the third; a
     * wish with a time ("i want to die today") is a wish, {@code high}; a negated intent is lowered a level, as any
     * negated phrase; an intent without a time stays {@code high}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i'm going to kill myself tonight|imminent",
        "i will end my life tomorrow|imminent",
        "my sister says she's going to kill herself tonight|imminent",
        "i'm going to kill myself|high",
        "i want to die today|high",
        "aaj raat khud ko khatam kar dungi|imminent",
        "wo kehta hai aaj raat khudkushi kar lega|imminent",
        "آج رات خودکشی کر لوں گی|imminent",
        "خود کو ختم کر دوں گا|high",
        "الليلة سأنهي حياتي|imminent",
        "رح انتحر بكرا|imminent",
        "مش رح انتحر اليوم|moderate",
        "i will kill myself tmrw|imminent",
        "aj khudkushi kar lunga|imminent",
        "غادي نقتل راسي الليلة|imminent",
        "راح اموت نفسي هسه|imminent",
        "حموت نفسي النهارده|imminent"
    })
    void a_declared_intent_with_a_time_is_imminent(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * A topic probe of our own: research on a means, a seminar on self-harm, a historical death asked about, and
     * self-harm or thoughts told as over ("used to", "كنت", "کرتا تھا") are not a wish today; the same words with
     * today's are.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "has the suicide barrier on the bridge reduced deaths? research for my thesis|none",
        "need data on pesticide suicides in south asia for my thesis|none",
        "why did hitler kill himself in the bunker|moderate",
        "i used to think about ending my life but that was years ago, i'm happy now|moderate",
        "thesis ke liye pesticide khudkushi ka data chahiye|none",
        "في ندوة عن الصحة النفسية والوقاية من إيذاء النفس يوم الخميس|none",
        "كنت أجرح نفسي أيام الثانوي وصار لي سنين بخير|moderate",
        "كنت اجرح نفسي ورجعت اجرح نفسي اليوم|high",
        "جمعرات کو خود کو نقصان پہنچانے سے بچاؤ پر سیمینار ہے|none",
        "اسکول کے زمانے میں خود کو زخمی کرتا تھا، اب ٹھیک ہوں|moderate"
    })
    void a_topic_or_a_past_told_as_over_is_no_wish_today(String text, String risk) {
        assertRisk(text, risk);
    }

    /** Wordings our Arabic and Urdu probes found unheard: Gulf and Arabizi intent, acid, a train, a strip swallowed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "باجر بذبح نفسي|high",
        "nawi antahar bokra|imminent",
        "خدت علبة البنادول كلها|imminent",
        "tezaab pee lia hai|imminent",
        "neend ki goli ka pora patta nigal gayi hun|imminent",
        "ٹرین کے آگے کود جاؤں گا آج|imminent",
        "main apni jaan lena chahti hun|high",
        "اشتريت شفرات حلاقة جديدة|none",
        "وصیت کے شرعی احکام کیا ہیں|none"
    })
    void dialect_and_spelling_variants_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Arabic forms a dev probe of 5 December found unheard: an Egyptian "having swallowed" (بالعة) with a whole box,
     * pills stored up (خزنت), "I'll finish myself" in the Egyptian and Levantine future, "this world" contracted
     * (هالدنيا), and another person's stated intent (رح تقتل حالها, هيقتل نفسه); their everyday twins stay calm.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "لسه بالعة علبة الحبوب كلها|imminent",
        "خزنت حبوب من الصيدلية شوي شوي، صار عندي كتير|high",
        "الليلة هخلص من نفسي|imminent",
        "ابي اخلص من هالدنيا|high",
        "اختي عم تقول رح تقتل حالها|high",
        "ابني هيقتل نفسه الليلة|imminent",
        "خزنت الاكل بالفريزر|none",
        "بالعة ريقي من الخوف|none",
        "ولدي هيقتل نفسه من المذاكرة|none",
        "اخوي راح يقتل نفسه من الضحك|none"
    })
    void arabic_forms_a_third_probe_found_are_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Medicines kept at home are means as paracetamol is: a name alone is a signal, taken with an amount an act; and
     * "still" (ابھی تک, abhi tak) is no time to act, so a dose that has not worked yet is not a means with a time.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "took around 30 brufen after the paper, stomach burning|imminent",
        "bhai ne corex ki 3 bottlein pee li hain|imminent",
        "امی نے بروفین کا پورا پتا کھا لیا|imminent",
        "بلعت علبة الترامادول كلها|imminent",
        "can i take brufen on an empty stomach? already had one|none",
        "ابھی گولیاں کھا لی ہیں|imminent"
    })
    void medicines_at_home_are_means(String text, String risk) {
        assertRisk(text, risk);
    }

    /** Bleeding told by the room it filled: the act in progress. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "phir se kaat liya hai is dafa gehra hai, pura bathroom khoon se bhar gaya|imminent",
        "پھر سے کاٹ لیا ہے اس دفعہ گہرا ہے پورا باتھ روم خون سے بھر گیا|imminent"
    })
    void a_room_filled_with_blood_is_an_act_in_progress(String text, String risk) {
        assertRisk(text, risk);
    }

    @Test
    void still_is_no_time_to_act() {
        for (String still : List.of("sar dard ke liye panadol li thi, abhi tak aaram nahi aya",
                "سر درد کے لیے پیناڈول لی تھی، ابھی تک آرام نہیں آیا", "panadol li thi, abhi bhi dard hai")) {
            assertThat(assess(still).categories()).as(still).contains(DistressCategory.MEANS)
                    .doesNotContain(DistressCategory.TIMEFRAME);
        }
        assertThat(assess("panadol li thi, abhi aaram nahi aya").categories()).contains(DistressCategory.TIMEFRAME);
    }

    /**
     * From a dev probe of our own about other people: someone on a ledge who says they will jump, "I'll finish myself"
     * with على, a search for how to die, about to jump; and their look-alikes: jumping for joy, a series told with its
     * preposition, "you killed me laughing", a matter of shame, another's attempt told as long ago.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my hostel mate is on the roof ledge rn saying she'll jump|imminent",
        "he keeps saying he's going to jump off the bridge|high",
        "جوزي ماسك المسدس وبيقول هخلص على نفسي النهارده|imminent",
        "لقيت في الهيستوري بتاع بنتي بحث عن ازاي اموت من غير ألم|high",
        "فون پر کہا کہ چھلانگ لگانے والی ہوں|high",
        "she'll jump for joy when she sees the cake|none",
        "he will jump at the chance to go to dubai|none",
        "بالمسلسل مبارح البطلة شربت سم، إمي ضلت تبكي|none",
        "صاحبي كل ما يشوف ميم يقول موتتني من الضحك|none",
        "میچ ہارنے پر کہہ رہے تھے آج تو ڈوب مرنے کا مقام ہے|none"
    })
    void other_people_at_a_ledge_or_a_search_and_their_look_alikes(String text, String risk) {
        assertRisk(text, risk);
    }

    @Test
    void another_person_s_attempt_told_as_long_ago_is_a_past_attempt_long_ago() {
        DistressAssessment brother = assess("my brother attempted suicide when he was in college, hes 35 now and fine");
        assertThat(brother.cues()).contains(DistressCategory.LONG_AGO);
        assertThat(assess("my sister tried to kill herself when she was a teenager").cues())
                .contains(DistressCategory.LONG_AGO);
    }

    /**
     * From an English probe of our own: a word in the middle of a phrase ({@code how much * to die}) is matched, and a
     * plan or a method question alone with a time is not intent + plan + time (it counts as both).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how much tylenol to die|high",
        "i have a plan for my revision tonight|high",
        "i want to die, i have a plan and i will do it tonight|imminent",
        "tonight's the night, i have the rope and i want to die|imminent",
        "the bath is getting red and it doesnt hurt|imminent",
        "we are reading hamlet, to be or not to be is so deep|none"
    })
    void a_phrase_alone_is_one_thing_said(String text, String risk) {
        assertRisk(text, risk);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // beside a death or a suicide told, doing as that person did is a wish to follow them
        "my cousin killed himself in march and lately i keep thinking i should do the same|high|do the same",
        "hamare mohalle ke larke ne jaan de di, ab dil karta hai main bhi wesa hi karun|high|wesa hi karun",
        "ہماری گلی کے لڑکے نے جان دے دی، اب دل کرتا ہے میں بھی ویسا ہی کروں|high|ویسا ہی کروں",
        "ابن جيراننا انتحر الشهر الماضي وصرت افكر اعمل متله|high|اعمل متله",
        "الله يرحمه، من يوم ما مات وانا بدي اكون معه|high|اكون معه",
        // and with a place and a time it is the act about to happen
        "the boy who jumped from the bridge last week, i'm going to do the same tonight, i'm on that bridge|imminent|"
                + "do the same"
    })
    void doing_as_someone_did_beside_a_death_is_a_wish_to_follow(String text, String risk, String phrase) {
        DistressAssessment a = assertRisk(text, risk);
        assertThat(a.signals()).contains("ideation:to follow " + phrase);
        assertThat(a.thirdPerson()).as("the wish is the writer's own").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // no death told: an ordinary thing copied
        "my cousin moved to toronto in march and lately i keep thinking i should do the same",
        "hamare mohalle ke larke ne apni dukaan khol li, ab dil karta hai main bhi wesa hi karun",
        "ہماری گلی کے لڑکے نے اپنی دکان کھول لی، اب دل کرتا ہے میں بھی ویسا ہی کروں",
        "ابن جيراننا سافر على كندا الشهر الماضي وصرت افكر اعمل متله",
        // an idiom's words of dying tell no death
        "my phone died again, i want to do the same as my brother and buy an iphone",
        // a death told, and the same thing refused
        "my neighbour died last year. i would never do the same to my kids"
    })
    void doing_as_someone_did_without_a_death_or_refused_is_no_wish(String text) {
        DistressAssessment a = assess(text);
        assertThat(a.risk()).as("%s: %s", text, a.signals()).isEqualTo(RiskLevel.NONE);
        assertThat(a.signals()).noneMatch(s -> s.startsWith("ideation:to follow"));
    }

    /** A wish or intent told by its method, in English and the Arabic dialects; the same words as idioms are none. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "i want to shoot myself|high",
        "im going to shoot myself tonight|imminent",
        "i want to blow my brains out|high",
        "i want to drown myself|high",
        "i wanna od|high",
        "walk into traffic|high",
        "my brother says he will shoot himself|high",
        "بدي اطخ حالي|high",
        "راح اطلق النار على نفسي الليلة|imminent",
        "بدي اغرق حالي بالبحر|high",
        "ناوي اطعن نفسي|high",
        "عايز اضرب نفسي بالنار|high",
        "هرمي نفسي من البلكونة|high",
        "هرمي نفسي في الشغل عشان اخلص|none",
        "i totally shot myself in the foot with that email|none",
        "im drowning myself in work to forget her|none"
    })
    void a_wish_told_by_its_method_is_heard(String text, String risk) {
        assertRisk(text, risk);
    }

    /**
     * Someone who does not breathe or wake, a razor cut and blood that won't stop, as helpers tell them (the s38 probe
     * and its follow-up): an act. Whose it is: someone else's when the act's own words name them or the nearest
     * subject before it in its clause is someone else (a means taken in read from its verb: the dev probe of helpers,
     * 6 December); the writer's own when that subject is the writer, whoever's pills they were, or when no subject
     * stands before a means taken in at all.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "they got him down and hes not breathing|true",
        "i cant wake him up|true",
        "she's not breathing|true",
        "my brother isnt waking up after drinking|true",
        "my dad took all his insulin|true",
        "nani ne sugar ki saari goliyan kha li hain|true",
        "اختي ضربت نفسها بموس والدم ما يوقف|true",
        "اخوي شرب كل علبة الدوا ومش عم يصحى|true",
        "ضربت نفسي بموس والدم ما يوقف|false",
        "i injected all my insulin|false",
        "he drank bleach like 5 min ago im with him now|true",
        "grandma took all her heart pills at once on purpose|true",
        "wife injected all her insulin at once shes shaking|true",
        "i found her on the bathroom floor she took all of mums sleeping tablets|true",
        "i took all of my mom pills|false",
        "i took all my grandma's heart pills|false",
        "maine ammi ki saari goliyan kha li hain|false",
        "sis ne apni saari insulin laga li hai|true",
        // a means taken in with no subject before it: the subject left out is the writer
        "swallowed like 40 panadol an hour ago, my mom is asleep, feel sick|false",
        "شربت سم فيران، أمي نايمة لا تقولون لها|false"
    })
    void an_act_is_heard_and_whose_it_is_is_read_from_its_subject(String text, boolean thirdPerson) {
        DistressAssessment a = assertRisk(text, "imminent");
        assertThat(a.categories()).as("%s: %s", text, a.signals()).contains(DistressCategory.ACT);
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /**
     * Arabic's «هو» and «هي» (he, she) are Urdu's «ہو» and «ہے» (be, is) once normalised: in a message written with
     * Urdu's own letters they are not someone else as an act's subject, and Urdu's own cues say whose it is.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "دل بہت بھاری ہے اور ابھی ساری گولیاں کھا لی ہیں|false",
        "پھر سے کاٹ لیا ہے اس دفعہ گہرا ہے پورا باتھ روم خون سے بھر گیا|false",
        "روم میٹ نے کوئی پوری بوتل پی لی ہے پتہ نہیں کیا تھا جاگ نہیں رہا|true",
        "میری بہن نے خود کو باتھ روم میں بند کر لیا ہے، کہہ رہی ہے کلائی کاٹ لی ہے|true",
        "فیس بک گروپ میں کسی نے ابھی لکھا ہے کہ زہر پی لیا ہے اور یہ آخری پوسٹ ہے|true",
        // a verb of saying in Urdu or Arabic carries its subject: what follows it in its clause is someone else's
        "بھائی جلدی آؤ پلیز!! صبا نے کمرہ اندر سے بند کر لیا ہے، کہہ رہی تھی زہر پی لیا ہے|true",
        "بنتي بلعت شريط حبوب جدتها عمداً بعد ما زعقتلها، بتقول عايزة تموت، وبترجّع دلوقتي|true",
        "منگنی ٹوٹ گئی، سب کہتے ہیں اللہ بہتر کرے گا۔ باتھ روم والا تیزاب پی لیا ہے، معاف کرنا امی|false",
        "میں نے کہا زہر پی لیا ہے، اب کوئی فائدہ نہیں|false",
        "اخوي هو شرب كلور من شوي|true"
    })
    void arabic_he_and_she_are_not_read_in_urdu(String text, boolean thirdPerson) {
        DistressAssessment a = assertRisk(text, "imminent");
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /** A past attempt is whose its subject or its own words say, as an act is. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my mom doesnt know i tried to kill myself last year|false",
        "my sister found out i tried to kill myself|false",
        "she tried to kill herself last year, shes doing better now|true",
        "my friend who tried to kill herself last year is doing so much better now|true",
        "پچھلے سال میری سہیلی نے خودکشی کی کوشش کی تھی، اب پھر وہی باتیں کرنے لگی ہے کہ وہ سب پر بوجھ ہے|true",
        "وہ دن یاد آتا ہے جب اپنی کلائی کاٹی تھی|false"
    })
    void a_past_attempt_is_whose_its_subject_says(String text, boolean thirdPerson) {
        DistressAssessment a = assess(text);
        assertThat(a.categories()).as("%s: %s", text, a.signals()).contains(DistressCategory.PAST_ATTEMPT)
                .doesNotContain(DistressCategory.ACT, DistressCategory.IDEATION);
        assertThat(a.thirdPerson()).as("%s: %s", text, a.signals()).isEqualTo(thirdPerson);
    }

    /** A wish, even the one word of suicide, said with hopelessness and a time is high; not without the time. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "الانتحار حرام صح؟ بسأل لأني تعبت ومش قادر أكمل، يمكن الليلة|high",
        "الانتحار حرام صح؟ بسأل لأني تعبت ومش قادر أكمل|moderate",
        "khudkushi haram he na? puch isliye rha hu k ab bardasht nai hota, aaj raat kuch kr dunga shayad|high",
        "کیا خودکشی حرام ہے؟ اس لیے پوچھ رہی ہوں کہ اب برداشت نہیں ہوتا، آج رات کچھ کر بیٹھوں گی|high",
        "is suicide haram? asking because i feel hopeless|low"
    })
    void a_wish_with_hopelessness_and_a_time_is_high(String text, String risk) {
        assertRisk(text, risk);
    }

    /** What the s44 dev probes found unheard, and the stories and lessons they found read as danger. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "بنت خالتي بتحكيلي انها مخططة تموت حالها لما اهلها يطلعو عالعرس|high",
        "صاحبتي بتودع الناس كلها وادتني هدومها|high",
        "جوزي بيقولي انتو هتبقوا احسن من غيري|moderate",
        "honestly ma ba2a fiye kaffe, 3a akher el shaher ra7 7ot 7ad la kel shi|high",
        "yaar if anything happens to me my passwords are in the blue notebook|moderate",
        "results come out in august. if i dont get into medicine im not staying alive|high",
        "last year my dad found me before i could finish. lately i keep thinking about finishing what i started|high",
        "cousin ke liye number manga tha, asal me cousin koi nai, me khud hu. mje jeena nai|high",
        "drama ki last episode me heroine ne zehar kha lia, ammi ro ro ke pagal ho gai|none",
        "yar aaj news me dekha ek larka metro bridge se kood gya, bht dukh hua|low",
        "اخبار میں آیا ہے کہ گندم کی قیمت گرنے سے ایک کسان نے کیڑے مار دوا پی لی، حکومت کہاں ہے|none",
        "أنا معلمة وأجهز درس للصف التاسع عن إيذاء النفس، كيف أطرح الموضوع|none",
        "Pakistan decriminalized attempted suicide in 2022 right? doing a law assignment|none",
        "عيد ميلادي الجمعة الجاية، بدي اعمل حفلة ع السطح، مين جاي؟|none",
        // method questions asked sideways, and their look-alikes
        "how many xanax with alcohol before your heart stops|high",
        "how many hours until a paracetamol overdose is too late to fix? want to make sure|high",
        "where is the deepest part of the ravi so no one can pull me out|high",
        "bhai how do i get a pistol in pakistan without anyone asking why|high",
        "قداش لازم نشرب من الجافيل باش نرتاح نهائيا|high",
        "كيف بعملها تبين حادث سير وما حدا يشك فيني|high",
        "هل يستطيع المستشفى إنقاذ شخص بعد ١٢ ساعة من شرب المبيد؟ لا أريدهم أن ينقذوني|high",
        "کالا پتھر کتنی مقدار میں جان لیوا ہوتا ہے؟|high",
        "how long does rat poison take to work on rats? they're all over our kitchen|none",
        // Urdu and Roman Urdu: rat poison where there are no rats (bought today: the means at hand, and a time),
        // no trace left, not many more days
        "آج میڈیکل سٹور سے چوہے مار دوا کے تین پیکٹ لیے۔ ہمارے گھر میں چوہے نہیں ہیں|imminent",
        "فیس بک، انسٹا، ٹک ٹاک سب delete کر دیے، پرانی چیٹس بھی۔ کوئی نشانی نہیں چھوڑنی|high",
        "bhai ne kal rassi khareedi hai aur keh rha tha is ghar mein ziada din nahi rahunga|high",
        "اتوار کو نہر کنارے پکنک ہے، آم اور لسی ساتھ لے کر چلیں گے|none",
        // the wish said after anger at others
        "كلهم كذابين ومنافقين، وأنا تعبت، بدي خلص من حياتي وخلص|high",
        "this whole family can go to hell, they'll never have to see me again, the pills are right here|high"
    })
    void what_the_s44_probes_found(String text, String risk) {
        assertRisk(text, risk);
    }
}
