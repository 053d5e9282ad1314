#include "core/base/countries.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"

namespace factdiff {
namespace {

constexpr CountryRow kCountries[] = {
    {"afghanistan", "", "afghan|afghani", "afghans", "kabul"},
    {"albania", "", "albanian", "albanians", "tirana"},
    {"algeria", "", "algerian", "algerians", "algiers"},
    {"andorra", "", "andorran", "andorrans", "andorra la vella"},
    {"angola", "", "angolan", "angolans", "luanda"},
    {"antigua and barbuda", "", "antiguan", "antiguans", "st. john's"},
    {"argentina", "", "argentine|argentinian", "argentines|argentinians",
     "buenos aires"},
    {"armenia", "", "armenian", "armenians", "yerevan"},
    {"australia", "", "australian", "australians", "canberra"},
    {"austria", "", "austrian", "austrians", "vienna"},
    {"azerbaijan", "", "azerbaijani|azeri", "azerbaijanis|azeris", "baku"},
    {"bahamas", "the bahamas", "bahamian", "bahamians", "nassau"},
    {"bahrain", "", "bahraini", "bahrainis", "manama"},
    {"bangladesh", "", "bangladeshi", "bangladeshis", "dhaka"},
    {"barbados", "", "barbadian", "barbadians", "bridgetown"},
    {"belarus", "", "belarusian|belarussian", "belarusians", "minsk"},
    {"belgium", "", "belgian", "belgians", "brussels"},
    {"belize", "", "belizean", "belizeans", "belmopan"},
    {"benin", "", "beninese", "", "porto-novo"},
    {"bhutan", "", "bhutanese", "", "thimphu"},
    {"bolivia", "", "bolivian", "bolivians", "la paz|sucre"},
    {"bosnia and herzegovina", "bosnia", "bosnian", "bosnians", "sarajevo"},
    {"botswana", "", "botswanan|motswana", "batswana", "gaborone"},
    {"brazil", "", "brazilian", "brazilians", "brasilia|brasília"},
    {"brunei", "", "bruneian", "bruneians", "bandar seri begawan"},
    {"bulgaria", "", "bulgarian", "bulgarians", ""},
    {"burkina faso", "", "burkinabe|burkinabè", "", "ouagadougou"},
    {"burundi", "", "burundian", "burundians", "gitega|bujumbura"},
    {"cabo verde", "cape verde", "cape verdean", "cape verdeans", "praia"},
    {"cambodia", "", "cambodian", "cambodians", "phnom penh"},
    {"cameroon", "", "cameroonian", "cameroonians", "yaounde|yaoundé"},
    {"canada", "", "canadian", "canadians", "ottawa"},
    {"central african republic", "", "central african", "", "bangui"},
    {"chad", "", "chadian", "chadians", "n'djamena"},
    {"chile", "", "chilean", "chileans", "santiago"},
    {"china", "PRC|people's republic of china", "chinese", "", "beijing"},
    {"colombia", "", "colombian", "colombians", "bogota|bogotá"},
    {"comoros", "", "comorian|comoran", "", "moroni"},
    {"congo", "republic of the congo|congo-brazzaville", "congolese", "",
     "brazzaville"},
    {"costa rica", "", "costa rican", "costa ricans", "san jose|san josé"},
    {"croatia", "", "croatian|croat", "croatians|croats", "zagreb"},
    {"cuba", "", "cuban", "cubans", "havana"},
    {"cyprus", "", "cypriot", "cypriots", "nicosia"},
    {"czech republic", "czechia", "czech", "czechs", "prague"},
    {"democratic republic of the congo",
     "DRC|dr congo|D.R.C.|congo-kinshasa|democratic republic of congo", "", "",
     "kinshasa"},
    {"denmark", "", "danish|dane", "danes", "copenhagen"},
    {"djibouti", "", "djiboutian", "djiboutians", ""},
    {"dominica", "", "", "", "roseau"},
    {"dominican republic", "", "dominican", "dominicans", "santo domingo"},
    {"ecuador", "", "ecuadorian|ecuadorean", "ecuadorians", "quito"},
    {"egypt", "", "egyptian", "egyptians", "cairo"},
    {"el salvador", "", "salvadoran|salvadorean|salvadorian", "salvadorans",
     "san salvador"},
    {"equatorial guinea", "", "equatoguinean", "", "malabo"},
    {"eritrea", "", "eritrean", "eritreans", "asmara"},
    {"estonia", "", "estonian", "estonians", "tallinn"},
    {"eswatini", "swaziland", "swazi", "swazis", "mbabane"},
    {"ethiopia", "", "ethiopian", "ethiopians", "addis ababa"},
    {"fiji", "", "fijian", "fijians", "suva"},
    {"finland", "", "finnish|finn", "finns", "helsinki"},
    {"france", "", "french", "", "paris|elysee|élysée"},
    {"gabon", "", "gabonese", "", "libreville"},
    {"gambia", "the gambia", "gambian", "gambians", "banjul"},
    {"georgia", "", "georgian", "georgians", "tbilisi"},
    {"germany", "", "german", "germans", "berlin"},
    {"ghana", "", "ghanaian", "ghanaians", "accra"},
    {"greece", "", "greek", "greeks", "athens"},
    {"grenada", "", "grenadian", "grenadians", "st. george's"},
    {"guatemala", "", "guatemalan", "guatemalans", "guatemala city"},
    {"guinea", "", "guinean", "", "conakry"},
    {"guinea-bissau", "", "bissau-guinean", "", "bissau"},
    {"guyana", "", "guyanese", "", "georgetown"},
    {"haiti", "", "haitian", "haitians", "port-au-prince"},
    {"honduras", "", "honduran", "hondurans", "tegucigalpa"},
    {"hungary", "", "hungarian", "hungarians", "budapest"},
    {"iceland", "", "icelandic|icelander", "icelanders", "reykjavik|reykjavík"},
    {"india", "", "indian", "indians", "new delhi"},
    {"indonesia", "", "indonesian", "indonesians", "jakarta"},
    {"iran", "islamic republic of iran", "iranian|persian", "iranians",
     "tehran"},
    {"iraq", "", "iraqi", "iraqis", "baghdad"},
    {"ireland", "republic of ireland", "irish", "", "dublin"},
    {"israel", "", "israeli", "israelis", "jerusalem"},
    {"italy", "", "italian", "italians", "rome"},
    {"ivory coast", "cote d'ivoire|côte d'ivoire", "ivorian", "ivorians",
     "yamoussoukro|abidjan"},
    {"jamaica", "", "jamaican", "jamaicans", "kingston"},
    {"japan", "", "japanese", "", "tokyo"},
    {"jordan", "", "jordanian", "jordanians", "amman"},
    {"kazakhstan", "", "kazakh|kazakhstani", "kazakhs", "astana"},
    {"kenya", "", "kenyan", "kenyans", "nairobi"},
    {"kiribati", "", "i-kiribati", "", "tarawa"},
    {"kosovo", "", "kosovar|kosovan", "kosovars", "pristina"},
    {"kuwait", "", "kuwaiti", "kuwaitis", "kuwait city"},
    {"kyrgyzstan", "", "kyrgyz|kyrgyzstani", "", "bishkek"},
    {"laos", "", "lao|laotian", "laotians", "vientiane"},
    {"latvia", "", "latvian", "latvians", "riga"},
    {"lebanon", "", "lebanese", "", "beirut"},
    {"lesotho", "", "basotho|mosotho", "", "maseru"},
    {"liberia", "", "liberian", "liberians", "monrovia"},
    {"libya", "", "libyan", "libyans", "tripoli"},
    {"liechtenstein", "", "liechtensteiner", "", "vaduz"},
    {"lithuania", "", "lithuanian", "lithuanians", "vilnius"},
    {"luxembourg", "", "luxembourgish|luxembourger", "", ""},
    {"madagascar", "", "malagasy", "", "antananarivo"},
    {"malawi", "", "malawian", "malawians", "lilongwe"},
    {"malaysia", "", "malaysian", "malaysians", "kuala lumpur|putrajaya"},
    {"maldives", "", "maldivian", "maldivians", ""},
    {"mali", "", "malian", "malians", "bamako"},
    {"malta", "", "maltese", "", "valletta"},
    {"marshall islands", "", "marshallese", "", "majuro"},
    {"mauritania", "", "mauritanian", "mauritanians", "nouakchott"},
    {"mauritius", "", "mauritian", "mauritians", "port louis"},
    {"mexico", "", "mexican", "mexicans", "mexico city"},
    {"micronesia", "", "micronesian", "", "palikir"},
    {"moldova", "", "moldovan", "moldovans", "chisinau|chișinău"},
    {"monaco", "", "monegasque", "", ""},
    {"mongolia", "", "mongolian", "mongolians", "ulaanbaatar|ulan bator"},
    {"montenegro", "", "montenegrin", "montenegrins", "podgorica"},
    {"morocco", "", "moroccan", "moroccans", "rabat"},
    {"mozambique", "", "mozambican", "mozambicans", "maputo"},
    {"myanmar", "burma", "burmese|myanmarese", "", "naypyitaw|naypyidaw"},
    {"namibia", "", "namibian", "namibians", "windhoek"},
    {"nauru", "", "nauruan", "", ""},
    {"nepal", "", "nepalese|nepali", "nepalis", "kathmandu"},
    {"netherlands", "holland|the netherlands", "dutch", "",
     "the hague|amsterdam"},
    {"new zealand", "", "new zealander|kiwi", "new zealanders", "wellington"},
    {"nicaragua", "", "nicaraguan", "nicaraguans", "managua"},
    {"niger", "", "nigerien", "nigeriens", "niamey"},
    {"nigeria", "", "nigerian", "nigerians", "abuja"},
    {"north korea", "DPRK", "north korean", "north koreans", "pyongyang"},
    {"north macedonia", "macedonia", "macedonian", "macedonians", "skopje"},
    {"norway", "", "norwegian", "norwegians", "oslo"},
    {"oman", "", "omani", "omanis", "muscat"},
    {"pakistan", "", "pakistani", "pakistanis", "islamabad"},
    {"palau", "", "palauan", "", "ngerulmud"},
    {"palestine", "state of palestine", "palestinian", "palestinians",
     "ramallah"},
    {"panama", "", "panamanian", "panamanians", "panama city"},
    {"papua new guinea", "PNG", "papua new guinean", "", "port moresby"},
    {"paraguay", "", "paraguayan", "paraguayans", "asuncion|asunción"},
    {"peru", "", "peruvian", "peruvians", "lima"},
    {"philippines", "the philippines", "philippine|filipino", "filipinos",
     "manila"},
    {"poland", "", "polish|pole", "poles", "warsaw"},
    {"portugal", "", "portuguese", "", "lisbon"},
    {"qatar", "", "qatari", "qataris", "doha"},
    {"romania", "", "romanian", "romanians", "bucharest"},
    {"russia", "russian federation", "russian", "russians", "moscow|kremlin"},
    {"rwanda", "", "rwandan", "rwandans", "kigali"},
    {"saint kitts and nevis", "", "kittitian", "", "basseterre"},
    {"saint lucia", "st. lucia", "saint lucian", "", "castries"},
    {"saint vincent and the grenadines", "", "vincentian", "", "kingstown"},
    {"samoa", "", "samoan", "samoans", "apia"},
    {"san marino", "", "sammarinese", "", ""},
    {"sao tome and principe", "são tomé and príncipe", "santomean", "",
     "sao tome|são tomé"},
    {"saudi arabia", "", "saudi|saudi arabian", "saudis", "riyadh"},
    {"senegal", "", "senegalese", "", "dakar"},
    {"serbia", "", "serbian|serb", "serbians|serbs", "belgrade"},
    {"seychelles", "", "seychellois", "", ""},
    {"sierra leone", "", "sierra leonean", "sierra leoneans", "freetown"},
    {"singapore", "", "singaporean", "singaporeans", ""},
    {"slovakia", "", "slovak|slovakian", "slovaks", "bratislava"},
    {"slovenia", "", "slovenian|slovene", "slovenians|slovenes", "ljubljana"},
    {"solomon islands", "", "solomon islander", "", "honiara"},
    {"somalia", "", "somali", "somalis", "mogadishu"},
    {"south africa", "", "south african", "south africans",
     "pretoria|cape town"},
    {"south korea", "republic of korea|ROK", "south korean", "south koreans",
     "seoul"},
    {"south sudan", "", "south sudanese", "", "juba"},
    {"spain", "", "spanish|spaniard", "spaniards", "madrid"},
    {"sri lanka", "", "sri lankan", "sri lankans",
     "colombo|sri jayawardenepura kotte"},
    {"sudan", "", "sudanese", "", "khartoum"},
    {"suriname", "", "surinamese", "", "paramaribo"},
    {"sweden", "", "swedish|swede", "swedes", "stockholm"},
    {"switzerland", "", "swiss", "", "bern"},
    {"syria", "", "syrian", "syrians", "damascus"},
    {"taiwan", "", "taiwanese", "", "taipei"},
    {"tajikistan", "", "tajik|tajikistani", "tajiks", "dushanbe"},
    {"tanzania", "", "tanzanian", "tanzanians", "dodoma"},
    {"thailand", "", "thai", "thais", "bangkok"},
    {"timor-leste", "east timor", "timorese|east timorese", "", "dili"},
    {"togo", "", "togolese", "", "lome|lomé"},
    {"tonga", "", "tongan", "tongans", "nuku'alofa"},
    {"trinidad and tobago", "", "trinidadian|tobagonian", "trinidadians",
     "port of spain"},
    {"tunisia", "", "tunisian", "tunisians", "tunis"},
    {"turkey", "turkiye|türkiye", "turkish|turk", "turks", "ankara"},
    {"turkmenistan", "", "turkmen", "", "ashgabat"},
    {"tuvalu", "", "tuvaluan", "", "funafuti"},
    {"uganda", "", "ugandan", "ugandans", "kampala"},
    {"ukraine", "", "ukrainian", "ukrainians", "kyiv|kiev"},
    {"united arab emirates", "UAE|U.A.E.|emirates", "emirati", "emiratis",
     "abu dhabi"},
    {"united kingdom", "UK|U.K.|britain|great britain", "british|briton",
     "britons", "london|downing street|whitehall"},
    {"united states", "US|U.S.|USA|U.S.A.|america|united states of america",
     "american", "americans", "washington|white house"},
    {"uruguay", "", "uruguayan", "uruguayans", "montevideo"},
    {"uzbekistan", "", "uzbek|uzbekistani", "uzbeks", "tashkent"},
    {"vanuatu", "", "ni-vanuatu", "", "port vila"},
    {"vatican city", "holy see|vatican", "", "", "vatican city"},
    {"venezuela", "", "venezuelan", "venezuelans", "caracas"},
    {"vietnam", "viet nam", "vietnamese", "", "hanoi"},
    {"western sahara", "", "sahrawi", "sahrawis", ""},
    {"yemen", "", "yemeni", "yemenis", "sanaa|sana'a"},
    {"zambia", "", "zambian", "zambians", "lusaka"},
    {"zimbabwe", "", "zimbabwean", "zimbabweans", "harare"},
};

struct Entry {
  const char* country;
  CountryNameKind kind;
};

struct Index {
  // Entries with a lower-case letter, as written (lower case).
  absl::flat_hash_map<std::string, Entry> folded;
  // Abbreviations without a lower-case letter, as written ("U.S.").
  absl::flat_hash_map<std::string, Entry> exact;
  absl::flat_hash_map<std::string, const char*> capitals;
};

bool HasLowerCase(absl::string_view s) {
  for (char c : s) {
    if (absl::ascii_islower(c)) return true;
  }
  return false;
}

const Index& GetIndex() {
  static const Index* const kIndex = [] {
    auto* index = new Index;
    for (const CountryRow& row : kCountries) {
      auto add = [&](absl::string_view column, CountryNameKind kind) {
        for (absl::string_view e :
             absl::StrSplit(column, '|', absl::SkipEmpty())) {
          auto& map = HasLowerCase(e) ? index->folded : index->exact;
          map.emplace(std::string(e), Entry{row.country, kind});
        }
      };
      add(row.country, CountryNameKind::kName);
      add(row.names, CountryNameKind::kName);
      add(row.demonyms, CountryNameKind::kDemonym);
      add(row.plurals, CountryNameKind::kPlural);
      for (absl::string_view c :
           absl::StrSplit(row.capitals, '|', absl::SkipEmpty())) {
        index->capitals.emplace(std::string(c), row.country);
      }
    }
    return index;
  }();
  return *kIndex;
}

const Entry* Find(absl::string_view phrase) {
  const Index& index = GetIndex();
  if (auto it = index.exact.find(phrase); it != index.exact.end()) {
    return &it->second;
  }
  auto it = index.folded.find(absl::AsciiStrToLower(phrase));
  return it == index.folded.end() ? nullptr : &it->second;
}

}  // namespace

absl::Span<const CountryRow> CountryRows() { return kCountries; }

CountryNameKind KindOfCountryName(absl::string_view phrase) {
  const Entry* e = Find(phrase);
  return e == nullptr ? CountryNameKind::kNone : e->kind;
}

std::string CountryOfName(absl::string_view phrase) {
  const Entry* e = Find(phrase);
  return e == nullptr ? std::string() : std::string(e->country);
}

std::string CountryOfCapital(absl::string_view phrase) {
  const Index& index = GetIndex();
  auto it = index.capitals.find(absl::AsciiStrToLower(phrase));
  return it == index.capitals.end() ? std::string() : std::string(it->second);
}

bool IsCountryDemonym(absl::string_view phrase) {
  const CountryNameKind kind = KindOfCountryName(phrase);
  return kind == CountryNameKind::kDemonym || kind == CountryNameKind::kPlural;
}

}  // namespace factdiff
