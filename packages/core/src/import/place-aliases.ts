// Exonyms and old names of Ukrainian places that no letter rule of `searchKey` reaches: the
// Hungarian names of Transcarpathian towns, Russian-era and Polish names, and names that changed
// in the 2016 decommunisation or since. The importer adds them to the hromada's aliases, keyed by
// KATOTTG, so a search for "Ungvár" or "Kirovohrad" finds the hromada by its stored keys.

/** Aliases by hromada KATOTTG code. */
export const PLACE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // Kyiv
  UA80000000000093317: ["Kiev", "Kijów", "Kijew", "Kyjev", "Kijev", "Kyyiv"],
  // Dnipro (Dnipropetrovsk until 2016, Yekaterinoslav until 1926)
  UA12020010000033698: [
    "Dnipropetrovsk",
    "Dnepropetrovsk",
    "Dnipropetrowsk",
    "Dnjepropetrowsk",
    "Dniepropietrowsk",
    "Dnepr",
    "Dnjepr",
    "Jekaterinoslaw",
    "Yekaterinoslav",
  ],
  // Kropyvnytskyi (Kirovohrad until 2016, Yelisavetgrad until 1924)
  UA35040210000014072: [
    "Kirovohrad",
    "Kirovograd",
    "Kirowohrad",
    "Kirowograd",
    "Jelisawetgrad",
    "Yelisavetgrad",
    "Elisavetgrad",
  ],
  // Transcarpathia: Hungarian names
  UA21100230000083101: ["Ungvár", "Užhorod", "Uzhgorod", "Użhorod"],
  UA21040150000092428: ["Munkács", "Mukačevo", "Mukatschewe", "Mukachevo"],
  UA21020030000019624: ["Beregszász", "Berehovo", "Beregovo"],
  UA21020110000091104: ["Nagyszőlős", "Sevljuš"],
  UA21120250000077532: ["Huszt", "Chust"],
  UA21080150000014443: ["Técső", "Tjačiv"],
  UA21060050000029937: ["Rahó", "Rachov"],
  UA21040230000091606: ["Szolyva"],
  UA21120130000025618: ["Ilosva"],
  // Renamed in 2016
  UA12040150000015189: ["Dniprodzerzhynsk", "Dneprodzerzhinsk"],
  UA51100370000040590: ["Illichivsk", "Ilyichevsk"],
  UA53020030000081709: ["Komsomolsk"],
  UA14160210000011148: ["Krasnoarmiisk", "Krasnoarmeysk"],
  UA51120190000044451: ["Kotovsk"],
  UA12080090000039979: ["Ordzhonikidze"],
  UA14020010000088496: ["Artemivsk", "Artyomovsk"],
  UA32040110000047477: ["Pereiaslav-Khmelnytskyi", "Pereyaslav-Khmelnitsky"],
  // Russian-era and Polish names no letter rule reaches
  UA12060170000091033: [
    "Krivoy Rog",
    "Кривой Рог",
    "Krivoi Rog",
    "Kriwoi Rog",
    "Krzywy Róg",
    "Krywyj Rih",
  ],
  UA23060070000082704: ["Zaporozhye", "Zaporozhe", "Saporoschje", "Zaporoże", "Záporoží"],
  UA48060150000071713: ["Nikolaev", "Nikolayev", "Nikolajew", "Mikołajów"],
  UA74100390000073425: ["Chernigov", "Tschernigow", "Czernihów"],
  UA73060610000066784: ["Chernovtsy", "Czerniowce", "Czernowitz", "Cernăuți", "Csernovic"],
  UA56060470000086729: ["Rovno", "Równe"],
  UA05020030000031457: ["Vinnitsa", "Winnica"],
  UA61040490000035010: ["Ternopol", "Tarnopol"],
  UA26040190000081578: ["Ivano-Frankovsk", "Stanisławów", "Stanislau"],
  UA53020110000092487: ["Kremenchug"],
  UA46060250000025047: ["Lemberg", "Lwów", "Lvov", "Léopol"],
  UA65100150000057191: ["Cherson"],
  UA51100270000073549: ["Odessa", "Odessza"],
  UA63120270000028556: ["Kharkov", "Charkow", "Charków", "Harkiv"],
  UA18040190000029215: ["Zhitomir", "Żytomierz", "Schitomir"],
  UA07080170000013585: ["Łuck", "Luzk"],
  UA68040470000053519: ["Khmelnitsky", "Chmielnicki", "Płoskirów", "Proskurov"],
  UA71080490000022110: ["Czerkasy", "Tscherkassy"],
  UA32020010000093088: ["Belaya Tserkov", "Biała Cerkiew"],
  UA68020110000071202: ["Kamieniec Podolski", "Kamenets-Podolsky"],
};
