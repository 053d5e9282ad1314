// The tables EventExtractor reads: trigger words and their event types,
// causal and stance cues, and word classes for the small phrase grammar.
// Topic-general by design: every entry is a word of the news register, none
// is there for one article. Implementation detail of event_extractor.cc.
#ifndef FACTDIFF_CORE_EVENT_EVENT_LEXICON_H_
#define FACTDIFF_CORE_EVENT_EVENT_LEXICON_H_

#include <cstdint>

namespace factdiff {
namespace event_internal {

// ---------------------------------------------------------------- triggers

enum class Pos : uint8_t {
  kNoun,         // "attack", "air strikes", "quake"
  kVerbT,        // transitive past / participle: "attacked", "arrested"
  kVerbI,        // intransitive: "clashed", "marched", "resigned"
  kParticipant,  // "protesters", "strikers": a frame only when alone
};

// How an ambiguous trigger is checked in context (see Accept() in the .cc).
enum class Check : uint8_t {
  kNone,
  kHostile,       // conflict word: dropped in sports sentences
  kAttack,        // + "heart attack", "attack ads", "attacked the plan"
  kStrikeNoun,    // attack / labour strike / neither
  kStruck,        // "struck" as an attack; not "struck a deal"
  kFireNoun,      // blaze, or gunfire/shelling, or "under fire"
  kFired,         // "fired shots/at" vs "fired the coach"
  kFighting,      // "heavy fighting" vs "fighting for"
  kOffensive,     // "an offensive" vs "offensive remarks"
  kRally,         // not in market context, not "rallied behind"
  kResults,       // "quarterly results", not "test results"
  kDeal,          // not "a great deal", "to deal with"
  kAgreement,     // not "in agreement"
  kMarch,         // lower case only: "March" is the month
  kDemonstrated,  // "demonstrated against/outside", not "demonstrated that"
  kQuit,          // "quit as/his ...", not "quit smoking"
  kBombed,        // not "bombed at the box office"
  kRiot,          // not "riot police"
  kCrash,         // not "market crash"
  kOfLower,       // "flood of refugees", "eruption of anger": not events
  kStorm,         // not "storm of criticism", "took by storm"
  kLandslide,     // not "landslide victory", "won by a landslide"
  kProtest,       // not "in protest", "lodged a protest"
  kArrest,        // not "arrest warrant", "cardiac arrest"
  kShooting,      // not "shooting guard", "photo shooting"
  kExploded,      // a device or a violent sentence, not "sales exploded"
  kStormed,       // "stormed the building", not "stormed out"
  kViolence,      // "the violence began", "sectarian violence"; not
                  // "domestic violence" or "violence against women"
  kStructure,     // a levee, dam, bridge or building as subject or "of"
                  // object: "the levee gave way", "collapse of the dam"
  kSports,        // dropped in sports sentences (participants)
};

struct TriggerDef {
  // Alternatives separated by '|'; each a lower-case phrase of tokens
  // separated by single spaces.
  const char* phrases;
  const char* type;
  Pos pos;
  Check check;
};

// Event types whose events are hostile acts (sports filter, "in response
// to" as retaliation, figurative checks).
inline constexpr const char* kHostileTypes[] = {
    "attack",   "air strike", "drone strike", "shelling",
    "clash",    "bombing",    "ambush",       "raid",
    "shooting", "invasion",   "kidnapping",   "assassination",
    "crackdown", "riot",
};

// Types whose possessive or "of" phrase names the one it happened to
// ("Khan's arrest", "the kidnapping of two engineers").
inline constexpr const char* kPatientTypes[] = {"arrest", "kidnapping",
                                                "assassination", "collapse"};

inline constexpr TriggerDef kTriggers[] = {
    // Conflict.
    {"attack|attacks", "attack", Pos::kNoun, Check::kAttack},
    {"attacked|attacking", "attack", Pos::kVerbT, Check::kAttack},
    {"assault|assaults", "attack", Pos::kNoun, Check::kAttack},
    {"assaulted", "attack", Pos::kVerbT, Check::kAttack},
    {"offensive|offensives", "attack", Pos::kNoun, Check::kOffensive},
    {"incursion|incursions|massacre|massacres|missile strike|missile strikes|"
     "rocket strike|rocket strikes|missile attack|missile attacks|"
     "rocket attack|rocket attacks|terror attack|terror attacks|"
     "terrorist attack|terrorist attacks|militant attack|militant attacks",
     "attack", Pos::kNoun, Check::kHostile},
    {"struck", "attack", Pos::kVerbT, Check::kStruck},
    {"invasion|invasions", "invasion", Pos::kNoun, Check::kHostile},
    {"invaded", "invasion", Pos::kVerbT, Check::kHostile},
    {"cyberattack|cyberattacks|cyber attack|cyber attacks|cyber-attack|"
     "cyber-attacks",
     "cyberattack", Pos::kNoun, Check::kNone},
    {"air strike|air strikes|airstrike|airstrikes|air-strike|air-strikes|"
     "air raid|air raids|aerial bombardment|aerial strike|aerial strikes|"
     "aerial attack|aerial attacks|air attack|air attacks|bombing raid|"
     "bombing raids",
     "air strike", Pos::kNoun, Check::kHostile},
    {"drone strike|drone strikes|drone attack|drone attacks", "drone strike",
     Pos::kNoun, Check::kHostile},
    {"strike|strikes", "strike", Pos::kNoun, Check::kStrikeNoun},
    {"shelling|shellfire|bombardment|bombardments|artillery fire|mortar fire|"
     "rocket fire|artillery barrage|mortar attack|mortar attacks|"
     "artillery strike|artillery strikes",
     "shelling", Pos::kNoun, Check::kHostile},
    {"shelled|bombarded", "shelling", Pos::kVerbT, Check::kHostile},
    {"clash|clashes|skirmish|skirmishes|firefight|firefights|gunfight|"
     "gunfights|gun battle|gun battles|exchange of fire|exchanges of fire|"
     "hostilities",
     "clash", Pos::kNoun, Check::kHostile},
    {"clashed|skirmished|exchanged fire", "clash", Pos::kVerbI,
     Check::kHostile},
    {"fighting", "clash", Pos::kNoun, Check::kFighting},
    {"violence", "clash", Pos::kNoun, Check::kViolence},
    {"bombing|bombings|car bomb|car bombs|car bombing|car bombings|"
     "suicide bombing|suicide bombings|suicide attack|suicide attacks|"
     "roadside bomb|roadside bombs|truck bomb|truck bombs|suicide bomber|"
     "suicide bombers",
     "bombing", Pos::kNoun, Check::kHostile},
    {"bombed", "bombing", Pos::kVerbT, Check::kBombed},
    {"explosion|explosions|blast|blasts|detonation|detonations", "explosion",
     Pos::kNoun, Check::kNone},
    {"exploded", "explosion", Pos::kVerbI, Check::kExploded},
    {"detonated", "explosion", Pos::kVerbT, Check::kNone},
    {"ambush|ambushes", "ambush", Pos::kNoun, Check::kHostile},
    {"ambushed", "ambush", Pos::kVerbT, Check::kHostile},
    {"raid|raids", "raid", Pos::kNoun, Check::kHostile},
    {"raided", "raid", Pos::kVerbT, Check::kHostile},
    {"stormed", "raid", Pos::kVerbT, Check::kStormed},
    {"shooting|shootings|mass shooting|mass shootings", "shooting", Pos::kNoun,
     Check::kShooting},
    {"shot dead|shot and killed|gunned down", "shooting", Pos::kVerbT,
     Check::kHostile},
    {"opened fire", "shooting", Pos::kVerbI, Check::kHostile},
    // Force against crowds: the police side of a street clash.
    {"fired tear gas|fired teargas|fired tear-gas|fired water cannon|"
     "fired water cannons|fired rubber bullets|fired stun grenades|"
     "used tear gas|used teargas|used water cannon|used water cannons|"
     "used batons|baton-charged|baton charged|tear-gassed|teargassed",
     "crackdown", Pos::kVerbI, Check::kHostile},
    // Missiles thrown by a crowd: the protesters' side of a street clash.
    {"threw stones|threw rocks|threw bottles|threw bricks|"
     "threw petrol bombs|threw molotov cocktails|threw firebombs|"
     "hurled stones|hurled rocks|hurled bottles|hurled bricks|"
     "hurled petrol bombs|hurled molotov cocktails|hurled firebombs",
     "riot", Pos::kVerbI, Check::kHostile},
    {"fired", "shooting", Pos::kVerbI, Check::kFired},
    {"kidnapping|kidnappings|abduction|abductions", "kidnapping", Pos::kNoun,
     Check::kNone},
    {"kidnapped|abducted", "kidnapping", Pos::kVerbT, Check::kNone},
    {"assassination|assassinations", "assassination", Pos::kNoun, Check::kNone},
    {"assassinated", "assassination", Pos::kVerbT, Check::kNone},
    // Peace-making.
    {"ceasefire|ceasefires|cease-fire|cease-fires|truce|truces|armistice|"
     "cessation of hostilities",
     "ceasefire", Pos::kNoun, Check::kNone},
    {"talks|peace talks|negotiations|negotiation|summit|mediation", "talks",
     Pos::kNoun, Check::kNone},
    {"agreement|agreements|accord|accords|pact|pacts|treaty|treaties|"
     "peace deal|peace agreement",
     "agreement", Pos::kNoun, Check::kAgreement},
    {"deal", "agreement", Pos::kNoun, Check::kDeal},
    // Protest and public order.
    {"march|marches", "march", Pos::kNoun, Check::kMarch},
    {"marched|marching", "march", Pos::kVerbI, Check::kMarch},
    {"marchers", "march", Pos::kParticipant, Check::kNone},
    {"protest|protests", "protest", Pos::kNoun, Check::kProtest},
    {"protested|protesting", "protest", Pos::kVerbI, Check::kNone},
    {"demonstration|demonstrations", "protest", Pos::kNoun, Check::kOfLower},
    {"sit-in|sit-ins|hunger strike|hunger strikes", "protest", Pos::kNoun,
     Check::kNone},
    {"demonstrated", "protest", Pos::kVerbI, Check::kDemonstrated},
    {"protesters|protestors|demonstrators", "protest", Pos::kParticipant,
     Check::kNone},
    {"rally|rallies", "rally", Pos::kNoun, Check::kRally},
    {"rallied", "rally", Pos::kVerbI, Check::kRally},
    {"walkout|walkouts|work stoppage|work stoppages", "strike", Pos::kNoun,
     Check::kNone},
    {"strikers", "strike", Pos::kParticipant, Check::kSports},
    {"riot|riots|rioting", "riot", Pos::kNoun, Check::kRiot},
    {"rioted", "riot", Pos::kVerbI, Check::kNone},
    {"rioters", "riot", Pos::kParticipant, Check::kNone},
    {"arrest|arrests", "arrest", Pos::kNoun, Check::kArrest},
    {"arrested|detained|apprehended|taken into custody", "arrest", Pos::kVerbT,
     Check::kNone},
    // Disasters and accidents.
    {"earthquake|earthquakes|quake|quakes|tremor|tremors|temblor|temblors|"
     "aftershock|aftershocks",
     "earthquake", Pos::kNoun, Check::kNone},
    {"tsunami|tsunamis", "tsunami", Pos::kNoun, Check::kNone},
    {"flood|floods|flooding|floodwaters|flash flood|flash floods|"
     "flash flooding",
     "flood", Pos::kNoun, Check::kOfLower},
    {"storm|storms|hurricane|hurricanes|typhoon|typhoons|cyclone|cyclones|"
     "tornado|tornadoes|tornados|blizzard|blizzards|tropical storm|"
     "snowstorm|snowstorms|thunderstorm|thunderstorms|rainstorm|rainstorms|"
     "windstorm|windstorms",
     "storm", Pos::kNoun, Check::kStorm},
    {"fire|fires", "fire", Pos::kNoun, Check::kFireNoun},
    {"wildfire|wildfires|bushfire|bushfires|forest fire|forest fires|blaze|"
     "blazes|inferno",
     "fire", Pos::kNoun, Check::kNone},
    {"landslide|landslides|mudslide|mudslides|landslip|landslips", "landslide",
     Pos::kNoun, Check::kLandslide},
    {"avalanche|avalanches", "avalanche", Pos::kNoun, Check::kOfLower},
    {"eruption|eruptions", "eruption", Pos::kNoun, Check::kOfLower},
    {"drought|droughts", "drought", Pos::kNoun, Check::kNone},
    {"heatwave|heatwaves|heat wave|heat waves", "heatwave", Pos::kNoun,
     Check::kNone},
    {"crash|crashes", "crash", Pos::kNoun, Check::kCrash},
    {"crashed", "crash", Pos::kVerbI, Check::kCrash},
    {"collision|collisions|pile-up|pile-ups|derailment|derailments", "crash",
     Pos::kNoun, Check::kNone},
    // Structural failures (levees, dams, bridges, buildings): the subject
    // or "of" object must be a structure noun (kStructure).
    {"collapsed|gave way|burst|failed|breached|caved in", "collapse",
     Pos::kVerbI, Check::kStructure},
    {"collapse|collapses|breach|breaches|failure|failures", "collapse",
     Pos::kNoun, Check::kStructure},
    {"collided|derailed", "crash", Pos::kVerbI, Check::kNone},
    // Elections.
    {"election|elections|by-election|by-elections|runoff|run-off", "election",
     Pos::kNoun, Check::kNone},
    {"vote|votes|referendum|referendums|referenda", "vote", Pos::kNoun,
     Check::kNone},
    {"voted", "vote", Pos::kVerbI, Check::kNone},
    // Business.
    {"results", "results", Pos::kNoun, Check::kResults},
    {"earnings|profit warning|profit warnings", "results", Pos::kNoun,
     Check::kNone},
    {"layoffs|layoff|lay-offs|job cuts|redundancies", "layoffs", Pos::kNoun,
     Check::kNone},
    {"laid off|lay off|lays off|laying off", "layoffs", Pos::kVerbT,
     Check::kNone},
    {"resignation|resignations", "resignation", Pos::kNoun, Check::kNone},
    {"resigned|stepped down", "resignation", Pos::kVerbI, Check::kNone},
    {"quit", "resignation", Pos::kVerbI, Check::kQuit},
    {"merger|mergers", "merger", Pos::kNoun, Check::kNone},
    {"acquisition|acquisitions|takeover|takeovers", "acquisition", Pos::kNoun,
     Check::kNone},
    {"bankruptcy|bankruptcies|insolvency", "bankruptcy", Pos::kNoun,
     Check::kNone},
};

// -------------------------------------------------------------------- cues

enum class Cue : uint8_t {
  kRetaliationFor,  // "in retaliation for" + antecedent
  kResponseTo,      // "in response to" + antecedent
  kRetaliated,      // "retaliated", "hit back"
  kRetaliatory,     // "retaliatory" + event
  kRespondedWith,   // "responded with" + event
  kAfter,           // "after", "following", "in the wake of" + antecedent
  kBeganWhen,       // "began when" + antecedent clause
  kFollowed,        // "E followed A"
  kCaused,          // "A sparked E" / "E, sparked by A"
  kUnprovoked,      // "unprovoked", "without provocation"
  kClaimed,         // "claimed responsibility", "claimed the bombing"
  kDenied,          // "denied" + involvement words
  kNeitherNor,      // "neither confirmed nor denied"
  kConfirm,         // "confirm(ed)" after a negation
  kNoClaim,         // "no claim of responsibility"
  kBlamed,          // "blamed"
  kAccused,         // "accused"
  kHeld,            // "held Y responsible for"
};

struct CueDef {
  const char* phrases;  // as TriggerDef::phrases
  Cue cue;
};

inline constexpr CueDef kCues[] = {
    {"in retaliation for|in retaliation to|as retaliation for|in revenge for|"
     "as revenge for|in reprisal for|as a reprisal for|as reprisal for|"
     "in retribution for|as retribution for|to avenge|avenging",
     Cue::kRetaliationFor},
    {"in response to|in reaction to|responding to|as a response to|"
     "in answer to",
     Cue::kResponseTo},
    {"retaliated|retaliating|retaliates|retaliate|hit back|struck back|"
     "hitting back",
     Cue::kRetaliated},
    {"retaliatory|reprisal|revenge", Cue::kRetaliatory},
    {"responded with|responded by|replied with|responding with",
     Cue::kRespondedWith},
    {"after|following|in the wake of|in the aftermath of", Cue::kAfter},
    {"began when|started when|erupted when|broke out when|flared when|"
     "flared up when|began as|erupted as",
     Cue::kBeganWhen},
    {"followed", Cue::kFollowed},
    {"triggered|sparked|prompted|provoked|caused|set off|touched off|"
     "triggering|sparking|prompting|provoking|causing",
     Cue::kCaused},
    {"unprovoked|without provocation|without any provocation",
     Cue::kUnprovoked},
    {"claimed responsibility|claims responsibility|claiming responsibility|"
     "claim responsibility|claimed credit|claims credit|claim credit|"
     "took responsibility|accepted responsibility|admitted responsibility|"
     "claimed",
     Cue::kClaimed},
    {"denied|denies|deny|denying|rejected|rejects", Cue::kDenied},
    {"neither confirmed nor denied|neither confirm nor deny|"
     "neither confirming nor denying",
     Cue::kNeitherNor},
    {"confirm|confirmed", Cue::kConfirm},
    {"no claim of responsibility|no immediate claim of responsibility|"
     "no claim of responsibility",
     Cue::kNoClaim},
    {"blamed|blames|blaming|blame", Cue::kBlamed},
    {"accused|accuses|accusing", Cue::kAccused},
    {"held|holds|holding", Cue::kHeld},
};

// ------------------------------------------------------------ word classes

enum : uint32_t {
  kDet = 1u << 0,           // the, a, an, its, their, this, ...
  kPrep = 1u << 1,          // in, on, at, by, for, ...
  kAux = 1u << 2,           // has, had, will, would, did, ...
  kBe = 1u << 3,            // was, were, been, is, are, ...
  kAdv = 1u << 4,           // also, reportedly, yesterday, meanwhile, ...
  kPron = 1u << 5,          // he, they, it, who, which, ...
  kConj = 1u << 6,          // and, or, but, while, ...
  kMonth = 1u << 7,         // january ... december, jan, feb, ...
  kWeekday = 1u << 8,       // monday ... sunday
  kActor = 1u << 9,         // militants, forces, police, government, ...
  kModifier = 1u << 10,     // armed, unidentified, security, ...
  kPreAdj = 1u << 11,       // deadly, fresh, overnight (before event nouns)
  kCtxSports = 1u << 12,    // match, goal, striker, season, ...
  kCtxViolence = 1u << 13,  // killed, troops, militants, bomb, ...
  kCtxMarket = 1u << 14,    // stocks, shares, index, ...
  kCtxLabour = 1u << 15,    // workers, union, wages, ...
  kCtxShow = 1u << 16,      // film, movie, album, box office
  kAbstract = 1u << 17,     // plan, policy, remarks (figurative targets)
  kLocType = 1u << 18,      // province, district, city, ...
  kCompass = 1u << 19,      // northern, south-eastern, central, ...
  kBorder = 1u << 20,       // border, frontier, coast, ...
  kLightVerb = 1u << 21,    // launched, carried, staged, held, ...
  kNeg = 1u << 22,          // not, never, didn't, hasn't, ...
  kTitle = 1u << 23,        // mr, mrs, dr, gen, ...
  kQuant = 1u << 24,        // two, several, dozens, ...
  kLocPrep = 1u << 25,      // in, near, along, across, ...
  kNatural = 1u << 26,      // earthquake, storm, lightning (subjects of
                            // "struck" that are not attackers)
  kVerbStop = 1u << 27,     // said, told, says: end a noun phrase
  kDenyObj = 1u << 28,      // involvement, responsibility, role, behind
  kDevice = 1u << 29,       // bomb, device, grenade, gas (subjects of
                            // "exploded")
  kStructure = 1u << 30,    // levee, dam, bridge, building (what collapses)
  kNaming = 1u << 31,       // called, termed, described, branded (naming
                            // verbs: their subject is not the agent)
};

struct WordClassDef {
  uint32_t bits;
  const char* words;  // space-separated, lower case
};

inline constexpr WordClassDef kWordClasses[] = {
    {kDet,
     "the a an its their his her our your this these those that no any "
     "every each some"},
    {kPrep,
     "in on at by for from to into onto with without against during after "
     "before since over under between among through throughout around "
     "outside inside near along across following amid amidst despite toward "
     "towards about per via upon within beyond behind off of"},
    {kAux,
     "has have had having will would can could may might must shall should "
     "do does did got get gets yet"},
    {kBe, "is are was were be been being am 's"},
    {kAdv,
     "also reportedly allegedly repeatedly then later again first "
     "previously already apparently subsequently just still yesterday today "
     "tonight overnight earlier recently meanwhile however separately "
     "elsewhere now once initially immediately only even further jointly "
     "briefly late early"},
    {kPron,
     "i you he she it we they him them us me who whom whose which what "
     "whoever something someone anyone everyone nobody everybody somebody "
     "none"},
    {kConj,
     "and or but nor while as because so if when where although though "
     "whereas until unless than whether"},
    {kMonth,
     "january february march april may june july august september october "
     "november december jan feb mar apr jun jul aug sep sept oct nov dec"},
    {kWeekday, "monday tuesday wednesday thursday friday saturday sunday"},
    {kActor,
     "militants militant gunmen gunman soldiers soldier troops forces force "
     "police policemen army military rebels rebel insurgents insurgent "
     "fighters fighter protesters protestors demonstrators workers students "
     "government officials official jets aircraft drones warplanes "
     "helicopters company group groups attackers attacker assailants "
     "assailant authorities ministry administration regime coalition navy "
     "guards unions union employees residents villagers supporters officers "
     "men people members activists pilots side mob crowd crowds rioters "
     "strikers marchers teachers doctors nurses farmers miners drivers staff "
     "party opposition voters board leader leaders president minister "
     "spokesman spokeswoman spokesperson commander commanders militia "
     "militias organization organisation movement faction wing agency "
     "department court shareholders investors firm bank airline carrier "
     "automaker retailer manufacturer one someone extremists terrorists "
     "jihadists separatists guerrillas bombers snipers settlers refugees "
     "migrants civilians hackers artillery rulers youths"},
    {kModifier,
     "armed unidentified unknown suspected masked security border "
     "paramilitary local foreign opposition allied government federal state "
     "riot rival military militant rebel insurgent separatist islamist "
     "jihadist terrorist enemy special elite pro-government "
     "anti-government national regional provincial senior top chief former "
     "striking angry air ground naval coalition guerrilla tribal student "
     "labor labour trade hardline extremist frontier civilian"},
    {kPreAdj,
     "deadly fresh new overnight retaliatory cross-border latest renewed "
     "suspected alleged coordinated heavy fierce massive major recent "
     "late-night early-morning unprovoked first second third twin multiple "
     "several two three four five repeated apparent rare daring brazen "
     "failed foiled botched deadliest worst biggest largest recent "
     "nationwide planned weekend overnight"},
    {kCtxSports,
     "match matches game games goal goals striker midfielder defender "
     "defenders goalkeeper season league scored coach penalty tournament "
     "championship innings wicket wickets quarterback touchdown halftime "
     "half-time fixture playoff playoffs semifinal semi-final club squad "
     "referee stadium derby kick-off"},
    {kCtxViolence,
     "killed kill killing dead died die death deaths wounded injured "
     "casualties troops militants soldiers forces military army bomb bombs "
     "gunmen gunman insurgents rebels weapons missiles rockets artillery "
     "jets warplanes drones civilians hostages wounding injuring fighters "
     "militia armed"},
    {kCtxMarket,
     "stocks stock shares markets market prices index indices dollar bonds "
     "oil gold investors traders futures currency yields equities bitcoin "
     "crypto rupee euro yen sterling"},
    {kCtxLabour,
     "workers union unions wages wage pay employees picket pickets walkout "
     "staff teachers nurses doctors drivers miners dockworkers pension "
     "pensions salaries salary contract contracts labour labor"},
    {kCtxShow,
     "film movie movies album show box theaters theatres sequel premiere "
     "comedian comedy musical"},
    {kAbstract,
     "decision decisions policy policies plan plans proposal proposals "
     "remarks comments statement statements report reports bill law laws "
     "budget ruling record idea ideas media press critics democracy freedom "
     "freedoms rights speech judiciary constitution character reputation "
     "reforms reform legislation agenda strategy approach leadership "
     "credibility integrity values views claims decree verdict"},
    {kLocType,
     "province district city region state county valley area town village "
     "capital territory airspace waters neighbourhood neighborhood suburb "
     "suburbs camp airport port base district's province's region's "
     "governorate prefecture municipality island islands peninsula "
     "crossing"},
    {kCompass,
     "northern southern eastern western central northwestern north-western "
     "northeastern north-eastern southwestern south-western southeastern "
     "south-eastern north-west north-east south-west south-east northwest "
     "northeast southwest southeast upper lower"},
    {kBorder,
     "border borders frontier frontiers coast coastline boundary "
     "border-line"},
    {kLightVerb,
     "launched launch launching carried carrying conducted staged mounted "
     "led organized organised held holding called signed reached declared "
     "announced agreed began started began orchestrated masterminded "
     "planned executed"},
    {kNeg,
     "not never didn't doesn't don't hasn't haven't hadn't wouldn't won't "
     "isn't aren't wasn't weren't"},
    {kTitle,
     "mr mr. mrs mrs. ms ms. dr dr. gen gen. col col. lt lt. sgt sgt. capt "
     "capt. sen sen. rep rep. gov gov. prof prof. st st. sir lord lady"},
    {kQuant,
     "two three four five six seven eight nine ten eleven twelve dozens "
     "dozen hundreds thousands several many few numerous scores some"},
    {kLocPrep, "in near along across at outside inside around throughout on"},
    {kNatural,
     "earthquake quake tremor storm hurricane typhoon cyclone tornado flood "
     "floods tsunami lightning disaster fire wildfire blaze avalanche "
     "landslide virus pandemic epidemic recession crisis tragedy disease "
     "drought heatwave"},
    {kVerbStop,
     "said says say told tell tells added stated claimed warned noted hit "
     "kill kills left leaving saw sent took made came went began vowed "
     "drew gave held won lost fell rose grew brought caught fled met put "
     "ran sought spread stood thought threw wrote became remains remain "
     "continues continue seems appears came comes goes"},
    {kDenyObj,
     "involvement involved responsibility role part carrying carried behind "
     "link links connection participation conducting launching staging "
     "orchestrating complicity hand responsible accusations allegations"},
    {kDevice,
     "bomb bombs device devices grenade grenades mine mines shell shells "
     "explosive explosives rocket missile gas cylinder tanker truck car "
     "vehicle boiler pipeline transformer ammunition depot"},
    {kStructure,
     "levee levees dam dams dike dikes dyke dykes embankment embankments "
     "seawall seawalls floodwall floodwalls barrier barriers bridge bridges "
     "building buildings tower towers roof roofs wall walls tunnel tunnels "
     "mine mines reservoir reservoirs spillway spillways overpass "
     "overpasses stadium grandstand scaffolding crane cranes"},
    {kNaming,
     "called termed described labelled labeled branded dubbed deemed "
     "declared"},
};

}  // namespace event_internal
}  // namespace factdiff

#endif  // FACTDIFF_CORE_EVENT_EVENT_LEXICON_H_
