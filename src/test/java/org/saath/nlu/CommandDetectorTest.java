package org.saath.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandDetectorTest {

    private static final TextNormaliser NORMALISER = new TextNormaliser();
    private static final CommandDetector COMMANDS = CommandDetector.loadFromClasspath(NORMALISER);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yes|yes", "Yesss|yes", "haan ji|yes", "ہاں|yes", "نعم|yes", "ji|yes",
        "no|no", "nahi|no", "نہیں|no", "لا|no", "no thanks|no",
        "stop|stop", "band karo|stop", "توقف|stop",
        "please delete my data|delete_data", "mera data delete kar do|delete_data", "میرا ڈیٹا مٹا دیں|delete_data",
        "احذف بياناتي|delete_data",
        "can we make a safety plan|safety_plan", "show my safety plan|show_plan",
        "english please|speak", "urdu mein baat karo|speak", "بالعربي لو سمحت|speak",
        "maybe|unsure", "idk|unsure", "shayad|unsure", "pata nahi|unsure", "مدري|unsure", "پتا نہیں|unsure",
        "maybe later|no",
        "not really|no", "nah|no", "nahi yaar|no", "la2|no", "مش عايز|no", "لا شكرا|no", "نہیں یار|no",
        "not really, i just want to talk|no", "nahi yaar, bas baat karni hai|no", "لا، بس بدي احكي|no",
        "yes, please find someone|yes", "haan, baat karni hai|yes", "نعم، أريد|yes",
        "i'm fine|fine", "no i'm fine|fine", "i'm fine, forget it|fine", "nvm im fine|fine",
        "nahi nahi I'm fine, forget it|fine", "no no im fine|fine", "no, I'm fine. forget it|fine",
        "nahi, main theek hoon, bhool jao|fine", "لا لا أنا بخير، انسى الموضوع|fine",
        "nahi main theek hoon|fine", "main theek hoon|fine", "میں ٹھیک ہوں|fine",
        "أنا بخير|fine", "أنا كويسة|fine",
        "more lines|more", "details|more", "aur lines|more", "مزید لائنز|more", "تفاصيل|more", "أرقام أخرى|more",
        "privacy|privacy", "who can read this|privacy", "رازداری|privacy", "الخصوصية|privacy",
        "i'm not safe|not_safe", "no, I'm not safe|not_safe", "main mehfooz nahi hoon|not_safe",
        "میں محفوظ نہیں ہوں|not_safe", "لست بأمان|not_safe", "لا، مش بأمان|not_safe", "i'm safe|yes",
        // "not safe" typed as people type it in Roman Urdu (the file's choices in braces), and "erase all my data"
        "nahi main mehfooz nahi hun|not_safe", "nai hn mehfooz|not_safe", "mai mehfuz nhi|not_safe",
        "nahi, mein safe nahi hoon|not_safe", "mehfooz nahi|not_safe", "امسح كل بياناتي|delete_data",
        "احذفوا كل شي عني|delete_data", "bas chat khatam karo|end_chat", "end chat|end_chat",
        // danger from someone else, now, is the person not being safe
        "my boyfriend is outside banging on the door and he has a knife|not_safe",
        "he's got a gun and he's drunk|not_safe", "my husband keeps threatening to kill me|not_safe",
        "زوجي يهددني بالقتل وأهلي ما يسوون شي|not_safe", "abbu ne jaan se maarne ki dhamki di hai|not_safe",
        "میرے شوہر نے قتل کی دھمکی دی ہے|not_safe", "usne kaha hai k wo mujhe goli maar dega|not_safe",
        "میرا شوہر چھری لے کر دروازے پر کھڑا ہے اور کہہ رہا ہے آج تمہیں ختم کر دوں گا|not_safe",
        "هلق هو بالبيت وقلي رح يدبحني|not_safe", "انا خايفة اقول لبابا، هيموتني|not_safe",
        "he is hitting me right now|not_safe", "جوزي مسك السكينة وبهددني فيها، انا بالحمام مسكرة عحالي|not_safe",
        "زوجي عم يضربني هلق وقفل علي الباب|not_safe", "shohar abhi maar raha hai|not_safe",
        "خوي يقول لو نطلع من الحوش نقتلك|not_safe", "جوزي هيدبحني لو عرف|not_safe",
        "الامتحان ده هيدبحني وجوزي ماسك سكينة|not_safe", "ابي ارقام ثانية|more", "مزيد من الخطوط|more",
        "مين اللي بيقرا الكلام ده؟|privacy", "منو يشوف رسايلي|privacy",
        "مين يقدر يشوف كلامي؟ اهلي ممكن يعرفون اني كلمتكم؟|privacy",
        "should i remove the razors and pills from her room?|remove_means",
        "kya main uski goliyan chhupa dun?|remove_means",
        "کیا میں اس کے کمرے سے گولیاں ہٹا دوں؟|remove_means", "اخبي الحبوب؟|remove_means",
        "what do i say to her?|what_to_say", "usay kya kahun?|what_to_say", "اسے کیا کہوں؟|what_to_say",
        "طيب شو بقلها؟|what_to_say", "should i call the police?|call_police", "police ko bulaun?|call_police",
        "پولیس کو بلاؤں؟|call_police", "هل اتصل بالاسعاف؟|call_police",
        "khudkushi haram hai na?|faith", "is it haram to feel like this?|faith", "کیا یہ گناہ ہے؟|faith",
        "الانتحار حرام بس تعبت|faith", "will allah forgive me|faith",
        // a denial that names the faith it keeps is a denial
        "nahi yaar, khudkushi haram hai, khud ko kuch nahi karungi|denies",
        "call my mum for me|call_someone", "can you text my sister|call_someone", "ammi ko call kar do|call_someone",
        "امی کو فون کر دیں|call_someone", "ممكن تتصل بامي؟|call_someone", "can you call an ambulance for me|call_for_me",
        "feeling rubbish again|feeling", "i feel like crap today|feeling", "lonely again|feeling",
        "aaj mood off hai|feeling", "phir se udaas hun|feeling",
        "پولیس کو کال کروں یا 1122 پر؟|call_police", "اتصل بالشرطة ولا الاسعاف؟|call_police",
        "should i call the police or an ambulance?|call_police", "ok i'll call them now|calling",
        "No numbers please, just some coping tips.|grounding",
        "إنتي رح تخبري حدا؟|privacy", "eza 2eltellak eno bade mout bt5abbir el police?|privacy",
        "rah t2ol la ahli?|privacy",
        // a threat to kill reported, and strangling tried
        "my partner hit me again tonight and said he'd kill me if i tell anyone|not_safe",
        "he told me he will kill me if i leave|not_safe", "last night he choked me|not_safe",
        "she tried to strangle me|not_safe", "shohar kehta hai jaan se maar dega|not_safe",
        "usne kal gala dabaya tha|not_safe", "وہ کہتا ہے جان سے مار دے گا|not_safe",
        "زوجي قال راح يقتلني إذا رحت لأهلي|not_safe", "جوزي حاول يخنقني امبارح|not_safe",
        // "safe" said in an answer, as people say it, and "not safe" in Iraqi
        "yeah im safe for now|yes", "haan main mehfooz hun|yes", "ہاں میں محفوظ ہوں|yes", "ايوه انا في امان|yes",
        "لا مو بأمان|not_safe",
        // a line tried and not reached
        "i called 988 and nobody picked up|no_answer", "988 put me on hold for 20 minutes|no_answer",
        "the number you gave doesnt work|no_answer", "Umang pe call ki thi kisi ne phone nahi uthaya|no_answer",
        "میں نے کال کی تھی کسی نے نہیں اٹھایا|no_answer", "كلمت الرقم محدش رد|no_answer", "الرقم مسكر محد يرد|no_answer",
        // the number asked again
        "whats the number again|more", "number dobara bata do|more", "نمبر دوبارہ بتائیں|more", "وش الرقم|more",
        "خطوط اكتر|more", "aap kaun ho aur kya kar sakte ho?|about",
        "please dont call anyone|dont_call", "police ko mat bulana|dont_call", "لا تتصل بالشرطة|dont_call",
        "can you call them for me? i cant talk on the phone|write_instead", "can i text someone instead|write_instead",
        "phone pe baat nahi kar sakti|write_instead", "ممكن تتصل انت عني|write_instead",
        "فون پر بات نہیں کر سکتی|write_instead",
        // the s35 probe: a person who may be overheard, a service to write to
        "I can't speak out loud|write_instead", "awaz se baat nahi kar sakti|write_instead",
        "ما بقدر احكي بصوت|write_instead", "زوجي في الغرفة الثانية وما أقدر أتكلم بصوت|write_instead",
        "he is in the next room i cant speak|write_instead", "koi whatsapp ya text wali service hai?|write_instead",
        "is there a whatsapp number? i cant talk right now|write_instead",
        "can you call an ambulance for me?|call_for_me", "ambulance bhej do please|call_for_me",
        "ابعتلي اسعاف بسرعة|call_for_me", "ایمبولینس بھیج دیں|call_for_me",
        "chest pain and my left arm is numb, is this a panic attack?|body_emergency",
        "ما قدرت، قلبي يوجعني وذراعي اليسار تنمل|body_emergency", "seene mein dard ho raha hai|body_emergency",
        "ok but who can read my messages?|privacy", "is this chat safe? can anyone see what i write|privacy",
        "will my family find out|privacy", "do you share with police?|privacy", "kya ye chat safe hai?|privacy", "هل المحادثة امنة؟|privacy",
        "no i won't call anyone|wont_call", "talk to me instead|wont_call", "لا ما رح اتصل بحدا|wont_call",
        "طيب كلمني انت، متقوليش أتصل بحد|wont_call", "main kisi ko call nahi karungi|wont_call",
        "which number do i call here in uk?|more", "nasha chorna hai, koi number hai?|more",
        "فيه رقم أكلمه للإدمان؟|more",
        "are you a bot?|about", "kya aap insaan ho?|about", "انت حقيقي ولا بوت؟|about", "کیا آپ انسان ہیں؟|about",
        "theek hai, main Umang ko call karta hoon|calling",
        "yes please help me breathe|yes", "ok lets try|yes",
        // a bare acknowledgement is not a yes: it takes an offer, it does not say "I'm safe" (the s37 probe)
        "ok|ok", "okay|ok", "theek hai|ok", "ٹھیک ہے|ok", "طيب|ok", "تمام|ok", "yes|yes", "haan|yes", "ايوه|yes",
        "no i didnt go to a doctor|no_doctor", "nahi doctor ke paas nahi gayi|no_doctor", "لا ما رحت للدكتور|no_doctor",
        // care refused after an act, the person's own or someone else's (the s37 probe, M3)
        "i dont want to go to hospital|no_doctor", "she won't go to the hospital|no_doctor",
        "ambulance nahi bulana|no_doctor", "ہسپتال نہیں جانا|no_doctor", "مش عايزين اسعاف الناس هتتكلم|no_doctor",
        "ما بغاتش تمشي للسبيطار|no_doctor",
        "thanks i'll call them now|calling", "abhi call karti hun|calling", "هتصل دلوقتي|calling",
        // who to call now is a request for the lines (the s37 probe: "who can i call at this hour?" was out of scope)
        // help has come after an act (the s38 probe)
        "ok the ambulance is here|help_here", "ambulance aa gayi hai|help_here", "الاسعاف وصل|help_here",
        "ہم ہسپتال پہنچ گئے|help_here",
        // in hospital told by the person themself (a dev probe, 7 December: read imminent, "call now")
        "im at the hospital now|help_here", "i'm in hospital|help_here", "the doctors are with me|help_here",
        "main hospital mein hoon ab|help_here", "میں ہسپتال میں ہوں|help_here", "انا بالمستشفى الحين|help_here",
        // trust questions and denials outside English (the s55 QA pass: out of scope, or the same question again)
        "kia tum insaan ho?|about", "police ko to nahi bataoge?|privacy", "ye chat koi parhta hy?|privacy",
        "agar mein kuch bataun to ghar walon ko bataoge?|privacy",
        "اگر میں کچھ بتاؤں تو کیا آپ میرے گھر والوں کو بتائیں گے؟|privacy",
        "nahi suicide ka nahi soch raha yr, bas sharam aati hy|denies", "nahi suicide ka koi khayal nahi hy|denies",
        // someone worried about cannot be reached; a call made (the s55 QA pass)
        "he hasn't answered me since this morning|unreachable", "she's not picking up|unreachable",
        "she's not answering her phone now|unreachable",
        // a feeling said as the whole message (the s55 QA passes)
        "sad|feeling", "lonely|feeling", "udaas hun|feeling", "میں بہت اداس ہوں|feeling", "تعبان|feeling",
        "wo phone nahi utha raha|unreachable", "اليوم ما رد علي من الصبح|unreachable",
        "i called umang, talked to someone for an hour|called", "اتصلت بالصليب الأحمر|calling",
        "who can i call at this hour?|more", "raat ko kis ko call karun|more", "مين اكلم دلوقتي؟|more",
        "اس وقت کس کو کال کروں|more",
        // what Saath is and can do
        "what can you do?|about", "who are you|about", "ap kya kar skte ho|about", "tum kon ho?|about",
        "آپ کیا کر سکتے ہیں؟|about", "شو بتقدر تعمل؟|about", "ايش تقدر تسوي|about", "مين انت؟|about",
        // "tell me about yourself" was asked whether the person thought of ending their life (the s40 probe)
        "can you speak urdu?|speak", "please reply in urdu|speak",
        "tell me about yourself|about", "apne bare mein batao|about", "اپنے بارے میں بتائیں|about",
        "عرفني بنفسك|about", "who made you?|about",
        // a yes as the s39 probe said it to an offer, and privacy asked before anything is said
        "han bata do|yes", "ji zaroor|yes", "yes plz|yes", "جی بتائیں|yes", "ايه|yes", "ياريت|yes",
        "before i say anything, is this confidential? will anyone tell my parents?|privacy",
        "کیا یہ بات چیت راز رہے گی؟ میرے گھر والوں کو پتا نہیں چلنا چاہیے|privacy",
        "هل كلامي هنا سري؟ ما أبي أهلي يعرفون|privacy", "kya ye baat raaz rahegi|privacy",
        // the s48 smoke: a privacy question of two questions was told "I can't help with that"
        "is this chat private? who can read it?|privacy", "will anyone see what i write here|privacy",
        "hi, is this conversation confidential|privacy", "kya ye chat private hai? kaun parhta hai|privacy",
        "کیا یہ چیٹ پرائیویٹ ہے؟ کون پڑھے گا|privacy", "هل الشات سري؟ مين بيقرا رسايلي|privacy",
        "meri baatein kaun parhega?|privacy", "who else can read these messages|privacy",
        "my friend is very depressed, how do i help her?|help_someone",
        "main uski kaise madad karun?|help_someone", "میں اس کی مدد کیسے کروں؟|help_someone",
        "صاحبتي مكتئبة جداً، أساعدها إزاي؟|help_someone",
        // someone low, no danger told: what to do for them, how to get them to a doctor (the s56 QA pass)
        "My mother is depressed and stopped eating. She won't see a doctor. What can I do?|help_someone",
        "I want to know how to convince her to see a doctor.|help_someone",
        "main unke liye kya kar sakti hun?|help_someone", "unhe doctor ke paas le jane ke liye kaise manaun?|help_someone",
        "میں ان کے لیے کیا کر سکتی ہوں؟|help_someone", "وہ ڈاکٹر کے پاس نہیں جانا چاہتی|help_someone",
        "امي مكتئبة ومش بتاكل، ازاي اقنعها تروح لدكتور؟|help_someone", "وش اقدر اسوي لها؟|help_someone",
        // asking about someone else, said so (the s56 QA pass: "I'm fine, I'm asking about my wife")
        "أنا بخير، أسأل عن زوجتي|help_someone", "i'm fine, i'm asking about my wife|help_someone",
        "main apni biwi ke bare mein pooch raha hoon|help_someone", "میں اپنی بیوی کے بارے میں پوچھ رہا ہوں|help_someone",
        // the law asked about, before the privacy question beside it (the s56 QA pass)
        "kya aap police ko bataoge? pakistan mein yeh jurm hai na?|law", "is suicide a crime in pakistan?|law",
        "will i be arrested if i go to hospital?|law", "کیا خودکشی جرم ہے؟|law",
        "رح تبلغ الشرطة؟ سمعت إنه بالأردن بيحبسوا اللي بيحاول|law", "هل الانتحار جريمة؟|law",
        // the s57 QA pass: no answer, no sound, a door not opened; which number to call; a racing heart; a good day;
        // more lines, the cost, a call asked for, a counsellor cancelled, in the words people used
        "still not opening. im scared|unreachable", "جربت اتصل فيها عشر مرات وما في رد، شو لازم اعمل؟|unreachable",
        "خبطت كتير ومفيش صوت خالص|unreachable", "ab awaz nahi de rahi|unreachable",
        "15 pe call karun ya 1122 pe?|call_police", "dil bohat tez dharak raha hai|body_emergency",
        "dawai time pe le raha hun, aaj kaafi behtar feel ho raha hai alhamdulillah|fine",
        "باخد العلاج بانتظام، والحمد لله النهاردة حاسس إني أحسن|fine", "aur lines do please|more",
        "ممكن أرقام تانية؟|more", "kya yeh call free hai? mere paas balance kam hai|cost", "is calling them free?|cost",
        "kya tum meri behen ko call kar sakte ho? uska number 0300-1234567 hai|call_for_me",
        "nahi rehne do, abhi nahi. cancel karo|cancel_human",
        "i cut sometimes. i don't want to die, it just helps|denies", "marne ka koi irada nahi hai|denies",
        "مرنے کا کوئی ارادہ نہیں|denies", "مش عايزة اموت، بس بتريح|denies",
        // no answer at a locked door or on the phone (the s56 QA pass)
        "خبطت على الباب ومش بترد خالص|unreachable", "اتصلت فيها كمان مرة وما ردت، ما بعرف وين هي|unreachable",
        "do i have to pay to call umang?|cost", "koi free option hai?|cost", "کتنے پیسے لگتے ہیں؟|cost",
        "الرقم ده مجاني؟|cost", "كم التكلفة؟|cost",
        "can i whatsapp them?|write_instead", "ممكن اكلمهم واتساب؟|write_instead",
        "i would feel more comfortable talking to a woman counsellor|ask_woman", "female ho toh behtar hai|ask_woman",
        "کسی خاتون سے بات ہو سکتی ہے؟|ask_woman", "في أخصائية نفسية أكلمها؟|ask_woman",
        // no counsellor after all (the s52 QA passes: the request stayed open), before the no it holds
        "actually no, cancel that request. i dont want anyone reading my chat|cancel_human",
        "cancel the counsellor request|cancel_human", "i don't want a counsellor anymore|cancel_human",
        "actually no nevermind. i dont want anyone reading this|cancel_human", "acha rehne do koi nahi|cancel_human",
        "nahi rehne do, mujhe counsellor nahi chahiye|cancel_human", "مجھے کونسلر نہیں چاہیے|cancel_human",
        "خلاص لا، ما ابي مستشار، غيرت رايي|cancel_human", "الغي الطلب لو سمحت|cancel_human",
        // a no that names what it denies (the s52 QA passes: the question was asked again)
        "no im not having those thoughts now, im genuinely ok|denies",
        "nahi khud ko kuch nahi karungi, bas thak gayi hun|denies",
        "نہیں بیٹا، خودکشی حرام ہے، ایسا نہیں سوچتا|denies", "لا ما عندي نية اعمل شي، بس تعبان|denies",
        "لا مش بفكر انتحر، بس زهقت|denies",
        // what was not done, no plan (the s54 QA passes: read as "not safe", the police pushed first)
        "nahi abhi kuch kiya nahi hai|denies", "no i haven't done anything|denies", "no plan. just thinking|denies",
        "نہیں، ابھی کچھ ارادہ نہیں|denies", "لا ما عملت شي|denies",
        // feeling better told inside thanks (s54: "Please call now" again)
        "thanks, i feel a bit better now|fine", "shukriya yaar, ab behtar mehsoos ho raha hai|fine",
        "please dont tell anyone|dont_call", "are you going to tell my parents?|dont_call",
        "بیٹا تم سے بات کر کے اچھا لگا|fine", "شكرا، حاسة احسن شوي|fine",
        // privacy asked with words between, how long messages are kept, whether Saath sees where one is (s52)
        "kya meri baatein koi aur parh sakta hai? mere ghar walon ko to pata nahi chalega?|privacy",
        "kya tum meri location dekh sakte ho?|privacy", "وبتحتفظوا بالرسائل لوقتيش؟|privacy",
        "how long do you keep my messages|privacy", "can you see my location|privacy"
    })
    void commands_are_understood_in_every_language(String text, String command) {
        assertThat(COMMANDS.detect(NORMALISER.normalise(text))).map(Command::code).contains(command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "english please|en", "urdu mein baat karo|roman_ur", "urdu mein baat karo urdu script|ur",
        "بالعربي لو سمحت|ar", "please reply in english|en", "can you speak arabic?|ar", "english|en",
        "angrezi mein likho|en", "ردي بالانجليزي|en", "انگریزی میں بات کریں|en", "can you speak urdu?|roman_ur",
        "please reply in urdu|roman_ur"
    })
    void a_language_request_names_its_language_and_the_longest_phrase_wins(String text, String language) {
        assertThat(COMMANDS.requestedLanguage(NORMALISER.normalise(text))).map(Language::code).contains(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no i want to die", "yes i took the pills", "i said no to my boss", "stop the pain",
        "not really sure what to do", "nahi pata kya karun", "stop, i can't take it anymore",
        // a plea is not a yes; "they'll forget me" and asking what is kept are not "delete my data"
        "please", "everyone will just forget me when i'm gone", "kya aap mera sara data save karte ho",
        // "wait" and "that's it, enough" are not "stop messaging me"
        "ruk jao", "رک جاؤ", "بس خلاص",
        // "no, i am safe" shares the words of "not safe": it is not one; nor is a knife in the kitchen
        "nahi main mehfooz hoon, bas pareshan hoon", "this exam is going to kill me",
        "i need a sharp knife for the meat", "my mom is gonna kill me when she sees my grades",
        "the heat is killing me", "who are you to tell me what to do", "what can you do when nobody listens",
        "tell me about your day", "tell me about yourself and why you think you can judge me",
        "i'm not busy today",
        // asking for help is not asking Saath to send someone; wanting to talk is not refusing to call; "my heart
        // hurts" alone is heartache
        "can you send help for my anxiety", "can you just talk to me for a bit, im lonely", "mera dil bohat dukhi hai",
        "قلبي يوجعني عليه",
        // speaking of feelings is not asking to write instead; "nobody listens to me" is not "he'll hear me"
        "i can't speak about it without crying", "main bol nahi sakti kitna dukh hai", "ما حد بيسمعني",
        // a language someone else speaks is not one asked of Saath (the outside probe of 5 December, h08)
        "she is from the philippines, she doesnt speak arabic", "my mum doesn't speak english",
        "my husband doesnt speak urdu",
        "ammi ko angrezi mein baat samajh nahi aati", "هي ما بتحكي بالانجليزي",
        // a letter read aloud, a class, a private school are not questions about this chat
        "who can read it to me, my eyes are bad", "mere school mein kaun parhta hai pata nahi",
        "is this private hospital cheaper than the government one",
        // not wanting to talk to anyone is no counsellor declined: it may be the danger itself
        "i dont want to talk to anyone anymore", "ما بدي احكي مع حدا", "kisi se baat nahi karni",
        // the writer's own "I'll end it" names no one who threatens them
        "aaj raat khatam kar dunga sab", "آج سب ختم کر دوں گا", "main khud ko goli maar dunga",
        // a job or an exam that "will kill me" is an idiom
        "الشغل ده هيموتني، المدير مش بيرحم",
        // ... and so is an exam's or a professor's "slaughter", the file's idioms (the s58 QA pass: the police number)
        "امتحان بكرة الدكتور ده هيدبحني", "الامتحان راح يذبحني", "المستر بيدبحني لو ما حليت الواجب",
        // family having found out is no question about this chat (a dev probe, 7 December: the privacy notice)
        "main gay hun aur ghar walon ko pata chal gaya", "گھر والوں کو پتا چل گیا کہ میں ہم جنس پرست ہوں"})
    void a_yes_or_no_inside_a_longer_message_is_not_an_answer(String text) {
        assertThat(COMMANDS.detect(NORMALISER.normalise(text))).isEmpty();
    }

    @Test
    void a_phrase_with_choices_in_braces_stands_for_each_spelling_and_an_unbalanced_one_stops_the_start() {
        assertThat(CommandDetector.spelled("f.yaml", List.of("{nahi|} main {safe|mehfooz} {hoon|}")))
                .containsExactlyInAnyOrder("nahi main safe hoon", "nahi main safe", "nahi main mehfooz hoon",
                        "nahi main mehfooz", "main safe hoon", "main safe", "main mehfooz hoon", "main mehfooz");
        assertThatThrownBy(() -> CommandDetector.spelled("lang/xx/commands.yaml", List.of("main {safe|mehfooz")))
                .hasMessageContaining("lang/xx/commands.yaml").hasMessageContaining("unbalanced");
    }
}
