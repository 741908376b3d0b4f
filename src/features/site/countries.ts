/**
 * Countries help-now can name: every ISO 3166-1 alpha-2 code in use (as listed by the IANA tz
 * database's iso3166.tab, 2025c), so a well-formed but made-up code such as ZZ is refused.
 */
const isoCodes = new Set(
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".split(
    " ",
  ),
);

export function isCountryCode(code: string): boolean {
  return isoCodes.has(code);
}

/**
 * Emergency numbers for countries a practice may not list, so help-now can still say who to call.
 * Kept to numbers that are well known and single; a practice's own settings always come first.
 */
const europeanUnion = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";
export const emergencyNumbers: Readonly<Record<string, string>> = {
  // 112 in every EU member state and the EEA: Directive (EU) 2018/1972, Article 109; European
  // Commission, "112 – the single European emergency number".
  ...Object.fromEntries(europeanUnion.split(" ").map((code) => [code, "112"])),
  IS: "112",
  LI: "112",
  NO: "112",
  // Switzerland: 112, Federal Office of Communications (OFCOM), "Emergency numbers".
  CH: "112",
  // United Kingdom: 999 (112 also works), Ofcom, "Calling 999 and 112".
  GB: "999",
  // United States: 911, Federal Communications Commission, "911 and E911 Services".
  US: "911",
  // Canada: 911, Canadian Radio-television and Telecommunications Commission, "9-1-1 service".
  CA: "911",
  // Mexico: 911 nationally since 2017, Secretariado Ejecutivo del Sistema Nacional de Seguridad Pública.
  MX: "911",
  // Australia: 000 (Triple Zero), Australian Communications and Media Authority; triplezero.gov.au.
  AU: "000",
  // New Zealand: 111, New Zealand Police, "Call 111".
  NZ: "111",
  // India: 112, Emergency Response Support System, Ministry of Home Affairs.
  IN: "112",
};

const displayNames = new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "code" });

/** A country's name in the practice's English, e.g. "Spain" for ES. */
export function countryName(code: string): string {
  return displayNames.of(code) ?? code;
}
