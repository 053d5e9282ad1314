#include "core/event/actor.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace factdiff {
namespace {

// "Name|other names;demonym|demonym...": the first name, lower-cased, is
// what CountryOf returns for any of the words. Other names are short forms
// and former names; demonyms are the adjectives and nouns for the people
// (singular and plural). All-capital abbreviations ("US", "UK", "DRC") match
// only as written, so that "us" or "car" never read as a country. Ambiguous
// adjectives are left out
// ("Korean", "Guinean" for the three Guineas) or mapped to the larger
// country ("Congolese" -> "congo"; "Dominican" -> "dominican republic").
constexpr const char* kCountries[] = {
    "Afghanistan;Afghan|Afghans|Afghani",
    "Albania;Albanian|Albanians",
    "Algeria;Algerian|Algerians",
    "Andorra;Andorran|Andorrans",
    "Angola;Angolan|Angolans",
    "Antigua and Barbuda;Antiguan|Antiguans",
    "Argentina;Argentine|Argentines|Argentinian|Argentinians",
    "Armenia;Armenian|Armenians",
    "Australia;Australian|Australians",
    "Austria;Austrian|Austrians",
    "Azerbaijan;Azerbaijani|Azerbaijanis|Azeri|Azeris",
    "Bahamas|The Bahamas;Bahamian|Bahamians",
    "Bahrain;Bahraini|Bahrainis",
    "Bangladesh;Bangladeshi|Bangladeshis",
    "Barbados;Barbadian|Barbadians",
    "Belarus;Belarusian|Belarusians|Belarussian",
    "Belgium;Belgian|Belgians",
    "Belize;Belizean|Belizeans",
    "Benin;Beninese",
    "Bhutan;Bhutanese",
    "Bolivia;Bolivian|Bolivians",
    "Bosnia and Herzegovina|Bosnia;Bosnian|Bosnians",
    "Botswana;Botswanan|Motswana|Batswana",
    "Brazil;Brazilian|Brazilians",
    "Brunei;Bruneian|Bruneians",
    "Bulgaria;Bulgarian|Bulgarians",
    "Burkina Faso;Burkinabe|Burkinabè",
    "Burundi;Burundian|Burundians",
    "Cabo Verde|Cape Verde;Cape Verdean|Cape Verdeans",
    "Cambodia;Cambodian|Cambodians",
    "Cameroon;Cameroonian|Cameroonians",
    "Canada;Canadian|Canadians",
    "Central African Republic;",
    "Chad;Chadian|Chadians",
    "Chile;Chilean|Chileans",
    "China|PRC|People's Republic of China;Chinese",
    "Colombia;Colombian|Colombians",
    "Comoros;Comoran|Comorian",
    "Congo|Republic of the Congo|Congo-Brazzaville;Congolese",
    "Democratic Republic of the Congo|DR Congo|DRC|D.R.C.|Congo-Kinshasa"
    "|Democratic Republic of Congo;",
    "Costa Rica;Costa Rican|Costa Ricans",
    "Croatia;Croatian|Croatians|Croat|Croats",
    "Cuba;Cuban|Cubans",
    "Cyprus;Cypriot|Cypriots",
    "Czech Republic|Czechia;Czech|Czechs",
    "Denmark;Danish|Dane|Danes",
    "Djibouti;Djiboutian|Djiboutians",
    "Dominica;",
    "Dominican Republic;Dominican|Dominicans",
    "Ecuador;Ecuadorian|Ecuadorians|Ecuadorean",
    "Egypt;Egyptian|Egyptians",
    "El Salvador;Salvadoran|Salvadorans|Salvadorian",
    "Equatorial Guinea;Equatoguinean",
    "Eritrea;Eritrean|Eritreans",
    "Estonia;Estonian|Estonians",
    "Eswatini|Swaziland;Swazi|Swazis",
    "Ethiopia;Ethiopian|Ethiopians",
    "Fiji;Fijian|Fijians",
    "Finland;Finnish|Finn|Finns",
    "France;French",
    "Gabon;Gabonese",
    "Gambia|The Gambia;Gambian|Gambians",
    "Georgia;Georgian|Georgians",
    "Germany;German|Germans",
    "Ghana;Ghanaian|Ghanaians",
    "Greece;Greek|Greeks",
    "Grenada;Grenadian|Grenadians",
    "Guatemala;Guatemalan|Guatemalans",
    "Guinea;",
    "Guinea-Bissau;Bissau-Guinean",
    "Guyana;Guyanese",
    "Haiti;Haitian|Haitians",
    "Honduras;Honduran|Hondurans",
    "Hungary;Hungarian|Hungarians",
    "Iceland;Icelandic|Icelander|Icelanders",
    "India;Indian|Indians",
    "Indonesia;Indonesian|Indonesians",
    "Iran|Islamic Republic of Iran;Iranian|Iranians",
    "Iraq;Iraqi|Iraqis",
    "Ireland|Republic of Ireland;Irish",
    "Israel;Israeli|Israelis",
    "Italy;Italian|Italians",
    "Ivory Coast|Cote d'Ivoire|Côte d'Ivoire;Ivorian|Ivorians",
    "Jamaica;Jamaican|Jamaicans",
    "Japan;Japanese",
    "Jordan;Jordanian|Jordanians",
    "Kazakhstan;Kazakh|Kazakhs|Kazakhstani",
    "Kenya;Kenyan|Kenyans",
    "Kiribati;I-Kiribati",
    "Kosovo;Kosovar|Kosovars|Kosovan",
    "Kuwait;Kuwaiti|Kuwaitis",
    "Kyrgyzstan;Kyrgyz|Kyrgyzstani",
    "Laos;Lao|Laotian|Laotians",
    "Latvia;Latvian|Latvians",
    "Lebanon;Lebanese",
    "Lesotho;Basotho|Mosotho",
    "Liberia;Liberian|Liberians",
    "Libya;Libyan|Libyans",
    "Liechtenstein;Liechtensteiner",
    "Lithuania;Lithuanian|Lithuanians",
    "Luxembourg;Luxembourgish|Luxembourger",
    "Madagascar;Malagasy",
    "Malawi;Malawian|Malawians",
    "Malaysia;Malaysian|Malaysians",
    "Maldives;Maldivian|Maldivians",
    "Mali;Malian|Malians",
    "Malta;Maltese",
    "Marshall Islands;Marshallese",
    "Mauritania;Mauritanian|Mauritanians",
    "Mauritius;Mauritian|Mauritians",
    "Mexico;Mexican|Mexicans",
    "Micronesia;Micronesian",
    "Moldova;Moldovan|Moldovans",
    "Monaco;Monegasque",
    "Mongolia;Mongolian|Mongolians",
    "Montenegro;Montenegrin|Montenegrins",
    "Morocco;Moroccan|Moroccans",
    "Mozambique;Mozambican|Mozambicans",
    "Myanmar|Burma;Burmese|Myanmarese",
    "Namibia;Namibian|Namibians",
    "Nauru;Nauruan",
    "Nepal;Nepali|Nepalis|Nepalese",
    "Netherlands|Holland|The Netherlands;Dutch",
    "New Zealand;New Zealander|New Zealanders",
    "Nicaragua;Nicaraguan|Nicaraguans",
    "Niger;Nigerien|Nigeriens",
    "Nigeria;Nigerian|Nigerians",
    "North Korea|DPRK;North Korean|North Koreans",
    "North Macedonia|Macedonia;Macedonian|Macedonians",
    "Norway;Norwegian|Norwegians",
    "Oman;Omani|Omanis",
    "Pakistan;Pakistani|Pakistanis",
    "Palau;Palauan",
    "Palestine|State of Palestine;Palestinian|Palestinians",
    "Panama;Panamanian|Panamanians",
    "Papua New Guinea|PNG;Papua New Guinean",
    "Paraguay;Paraguayan|Paraguayans",
    "Peru;Peruvian|Peruvians",
    "Philippines|The Philippines;Philippine|Filipino|Filipinos",
    "Poland;Polish|Pole|Poles",
    "Portugal;Portuguese",
    "Qatar;Qatari|Qataris",
    "Romania;Romanian|Romanians",
    "Russia|Russian Federation;Russian|Russians",
    "Rwanda;Rwandan|Rwandans",
    "Saint Kitts and Nevis;Kittitian",
    "Saint Lucia|St. Lucia;Saint Lucian",
    "Saint Vincent and the Grenadines;Vincentian",
    "Samoa;Samoan|Samoans",
    "San Marino;Sammarinese",
    "Sao Tome and Principe|São Tomé and Príncipe;Santomean",
    "Saudi Arabia;Saudi|Saudis|Saudi Arabian",
    "Senegal;Senegalese",
    "Serbia;Serbian|Serbians|Serb|Serbs",
    "Seychelles;Seychellois",
    "Sierra Leone;Sierra Leonean|Sierra Leoneans",
    "Singapore;Singaporean|Singaporeans",
    "Slovakia;Slovak|Slovaks|Slovakian",
    "Slovenia;Slovenian|Slovenians|Slovene|Slovenes",
    "Solomon Islands;Solomon Islander",
    "Somalia;Somali|Somalis",
    "South Africa;South African|South Africans",
    "South Korea|Republic of Korea|ROK;South Korean|South Koreans",
    "South Sudan;South Sudanese",
    "Spain;Spanish|Spaniard|Spaniards",
    "Sri Lanka;Sri Lankan|Sri Lankans",
    "Sudan;Sudanese",
    "Suriname;Surinamese",
    "Sweden;Swedish|Swede|Swedes",
    "Switzerland;Swiss",
    "Syria;Syrian|Syrians",
    "Taiwan;Taiwanese",
    "Tajikistan;Tajik|Tajiks|Tajikistani",
    "Tanzania;Tanzanian|Tanzanians",
    "Thailand;Thai|Thais",
    "Timor-Leste|East Timor;Timorese",
    "Togo;Togolese",
    "Tonga;Tongan|Tongans",
    "Trinidad and Tobago;Trinidadian|Trinidadians|Tobagonian",
    "Tunisia;Tunisian|Tunisians",
    "Turkey|Turkiye|Türkiye;Turkish|Turk|Turks",
    "Turkmenistan;Turkmen",
    "Tuvalu;Tuvaluan",
    "Uganda;Ugandan|Ugandans",
    "Ukraine;Ukrainian|Ukrainians",
    "United Arab Emirates|UAE|U.A.E.|Emirates;Emirati|Emiratis",
    "United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Britons",
    "United States|US|U.S.|USA|U.S.A.|America"
    "|United States of America;American|Americans",
    "Uruguay;Uruguayan|Uruguayans",
    "Uzbekistan;Uzbek|Uzbeks|Uzbekistani",
    "Vanuatu;Ni-Vanuatu",
    "Vatican City|Holy See|Vatican;",
    "Venezuela;Venezuelan|Venezuelans",
    "Vietnam|Viet Nam;Vietnamese",
    "Western Sahara;Sahrawi|Sahrawis",
    "Yemen;Yemeni|Yemenis",
    "Zambia;Zambian|Zambians",
    "Zimbabwe;Zimbabwean|Zimbabweans",
};

// Words that name a state's institutions or arms rather than a distinct
// actor: "Pakistani forces", "the Afghan government", "Indian jets".
constexpr const char* kStateWords[] = {
    "forces",      "force",       "military", "army",       "armies",
    "troops",      "soldiers",    "soldier",  "jets",       "jet",
    "warplanes",   "aircraft",    "planes",   "drones",     "drone",
    "helicopters", "navy",        "air",      "government", "officials",
    "official",    "authorities", "security", "side",       "state",
    "guards",      "border",      "police",   "artillery",  "administration",
    "regime",      "ministry",    "defence",  "defense",    "leadership",
    "commanders",  "command",     "units",    "positions",  "posts",
};

// Member nouns dropped after a proper name: "Taliban fighters" -> "taliban".
constexpr const char* kMemberWords[] = {
    "fighters",  "fighter", "militants", "militant", "members",
    "member",    "forces",  "gunmen",    "gunman",   "insurgents",
    "rebels",    "rebel",   "militia",   "militias", "supporters",
    "loyalists", "group",   "movement",  "troops",   "soldiers",
};

struct Entry {
  std::string country;  // canonical, lower case
  bool demonym = false;
};

struct Tables {
  // Lower-cased names and demonyms, plus abbreviations as written.
  absl::flat_hash_map<std::string, Entry> country;
  absl::flat_hash_set<std::string> state_words;
  absl::flat_hash_set<std::string> member_words;
};

bool AllCaps(absl::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter && s.size() <= 6;
}

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables;
    for (const char* row : kCountries) {
      std::vector<std::string> halves = absl::StrSplit(row, ';');
      std::vector<std::string> names = absl::StrSplit(halves[0], '|');
      const std::string canonical = absl::AsciiStrToLower(names[0]);
      auto add = [&](const std::string& n, bool demonym) {
        if (n.empty()) return;
        t->country.emplace(AllCaps(n) ? n : absl::AsciiStrToLower(n),
                           Entry{canonical, demonym});
      };
      for (const std::string& n : names) add(n, false);
      if (halves.size() > 1) {
        for (absl::string_view d : absl::StrSplit(halves[1], '|')) {
          add(std::string(d), true);
        }
      }
    }
    for (const char* w : kStateWords) t->state_words.insert(w);
    for (const char* w : kMemberWords) t->member_words.insert(w);
    return t;
  }();
  return *kTables;
}

const Entry* Find(absl::string_view name) {
  const Tables& t = GetTables();
  if (AllCaps(name)) {
    auto it = t.country.find(name);
    if (it != t.country.end()) return &it->second;
    // "U.S." style abbreviations are stored as written; other all-capital
    // words ("PAKISTAN" in a headline) fall through to the lower-case table.
  }
  const std::string lower = absl::AsciiStrToLower(name);
  if (AllCaps(lower)) return nullptr;
  auto it = t.country.find(lower);
  if (it == t.country.end() || AllCaps(it->first)) return nullptr;
  return &it->second;
}

// Splits on spaces, dropping possessive markers: "Pakistan's army" ->
// {"Pakistan", "army"}; "workers' union" -> {"workers", "union"}.
std::vector<std::string> Words(absl::string_view phrase) {
  std::vector<std::string> out;
  for (absl::string_view w :
       absl::StrSplit(phrase, ' ', absl::SkipWhitespace())) {
    if (w == "'s" || w == "'" || w == "\xE2\x80\x99s") continue;
    if (!absl::ConsumeSuffix(&w, "'s")) {
      if (!absl::ConsumeSuffix(&w, "\xE2\x80\x99s")) {
        absl::ConsumeSuffix(&w, "'");
      }
    }
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

}  // namespace

std::string CountryOf(absl::string_view name) {
  const Entry* e = Find(name);
  return e == nullptr ? std::string() : e->country;
}

bool IsDemonym(absl::string_view name) {
  const Entry* e = Find(name);
  return e != nullptr && e->demonym;
}

std::string NormalizeActor(absl::string_view phrase) {
  const Tables& t = GetTables();
  std::vector<std::string> words = Words(phrase);
  if (!words.empty()) {
    const std::string first = absl::AsciiStrToLower(words[0]);
    if (first == "the" || first == "a" || first == "an") {
      words.erase(words.begin());
    }
  }
  if (words.empty()) return "";
  std::vector<std::string> lower(words.size());
  bool proper = false;
  for (size_t i = 0; i < words.size(); ++i) {
    lower[i] = absl::AsciiStrToLower(words[i]);
    const unsigned char c = words[i][0];
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) proper = true;
  }
  // Longest country prefix, up to 4 words.
  for (size_t n = std::min<size_t>(4, words.size()); n >= 1; --n) {
    std::vector<std::string> head(words.begin(), words.begin() + n);
    const Entry* e = Find(absl::StrJoin(head, " "));
    if (e == nullptr) continue;
    bool generic = true;
    for (size_t i = n; i < lower.size(); ++i) {
      if (!t.state_words.contains(lower[i])) generic = false;
    }
    if (generic) return e->country;
    break;
  }
  if (proper) {
    while (lower.size() > 1 && t.member_words.contains(lower.back())) {
      lower.pop_back();
    }
  }
  return absl::StrJoin(lower, " ");
}

}  // namespace factdiff
