/**
 * Organisation words shared by more than one part of the analysis, each list in one place.
 */

/**
 * Words of an organisation's legal form, lower-cased ("Acme Group", "Acme Holdings Ltd", "Autostrade
 * SpA"): what a name may end with and still be the same body as the name without them. Shared by
 * the actor merging (lib/nlp/actors.ts) and the timeline's short names (lib/archive/coverage.ts); a
 * module of its own so that the archive page does not load the actor builder for a word list.
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'group',
  'inc',
  'inc.',
  'corp',
  'corp.',
  'corporation',
  'co',
  'co.',
  'company',
  'holdings',
  'holding',
  'ltd',
  'ltd.',
  'plc',
  'llc',
  'sa',
  'spa',
  'ag',
  'limited',
]);

/**
 * Lower-case nouns for the governing bodies of a country, a city or a leader ("the Syrian government",
 * "Hong Kong police", "the Obama administration"): the NER takes them with the name before them
 * (`governingBodies` in lib/nlp/ner), and the canonical names give a country's body the country's
 * name ("US government" = "United States government", lib/nlp/canonical-names.ts).
 */
export const GOVERNING_NOUNS: readonly string[] = ['government', 'administration', 'military', 'army', 'navy', 'police', 'ministry', 'parliament', 'cabinet', 'junta', 'legislature'];

/**
 * Last words of a company's or a label's name, lower-cased ("Dick Clark Productions", "Big Machine
 * Records", "Ceres Robotics"): the NER takes capitalised words ending in one for a company
 * (`companyNames` in lib/nlp/ner), and a name ending in one is an organisation by its shape
 * (`nameShapeType` in lib/nlp/actor-cues.ts).
 */
export const COMPANY_WORDS: ReadonlySet<string> = new Set(
  (
    'productions records entertainment studios pictures films labs laboratories technologies systems robotics media ' +
    'motors holdings group industries enterprises pharmaceuticals therapeutics airline airlines airways corporation ' +
    'company inc inc. corp corp. co co. ltd ltd. llc plc partners capital ventures'
  ).split(' '),
);

/**
 * Abbreviations of common nouns that name things, measures or jobs, never a body, a person or a place
 * ("SUV", "EV", "LED", "AI", "EBITDA", "CEO"): the tagger, trained on names, calls such capitals an
 * organisation. Matched against a whole name, as written. (Abbreviations that are also names stay
 * out: "DC", "UN", "EU", "NBA".)
 */
export const THING_ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'AI SUV SUVs EV EVs LED LEDs LCD OLED USB GPS PC PCs TV HD HDR VR AR CPU GPU RAM SSD API APIs URL PDF DNA RNA ' +
    'GDP CPI CEO CEOs CFO COO CTO IPO IPOs ETF ETFs EBITDA EPS PV MD PhD MRI ICU ADHD PTSD IQ GMO UV CO2 ' +
    'FPS RPG MVP QB TD RBI ERA ' +
    // a game's statistics ("Rudolph had 2 TFL and 3 QH"; tackles for loss, pass breakups, hurries, field goals)
    'TDs RBIs TFL TFLs PBU PBUs QH QBH FG FGs PAT YPC YAC OBP OPS WHIP ' +
    // market indices named alone ("the Sensex fell 1%")
    'Sensex Nifty Nikkei DAX ' +
    // connectors, networks and formats on technology pages ("two USB-C ports and HDMI", "4K at 60fps";
    // not "SD", which is also South Dakota)
    'HDMI USB-A USB-C USB-PD DVI VGA DisplayPort Thunderbolt Ethernet Bluetooth Wi-Fi WiFi LTE 4G 5G NFC SIM eSIM ' +
    'PCIe NVMe microSD HDR10 4K 8K 1080p 720p ' +
    // the web's languages, formats and protocols ("demand for PHP, JavaScript and CSS skills")
    'HTML HTML5 CSS CSS3 JavaScript TypeScript PHP AJAX SQL NoSQL JSON XML HTTP HTTPS SSL TLS VPN DNS SSO JPEG PNG MP3 MP4 ' +
    // substances and diseases written in capitals ("half a gram of MDMA and three tabs of LSD")
    'MDMA LSD THC CBD PCP GHB HIV AIDS SARS MERS'
  ).split(' '),
);

/**
 * The members of the large parties named as a body ("Democrats said …", "a great day for
 * Republicans", "the Tories"): a fact list of the plural nouns that name a party in news, not its
 * adjective ("Democratic lawmakers").
 */
export const PARTY_MEMBERS: ReadonlySet<string> = new Set(['Democrats', 'Republicans', 'Conservatives', 'Tories', 'Dems']);

/**
 * Products, programs and medicines that news names by their brand alone, without the company that
 * makes them ("on an iPhone", "in Chrome or Firefox", "paid in Bitcoin", "prescribed Xanax"): things,
 * not actors, whatever the tagger calls them. Only names that are no company's name as well ("Uber",
 * "Netflix", "Skype" and "WhatsApp" name their makers too) and no ordinary word a sentence may begin
 * with ("Edge", "Word", "Office"). Matched against a whole name, as written. A fact list.
 */
export const PRODUCT_NAMES: ReadonlySet<string> = new Set(
  // devices
  (
    'iPhone iPhones iPad iPads iPod iMac MacBook MacBooks AirPods Kindle Chromebook Chromebooks Chromecast Xbox PlayStation ' +
    'PS4 PS5 Wii Kinect HoloLens Roomba ' +
    // software, assistants, games and currencies
    'Android iOS macOS iPadOS watchOS Windows Chrome Chromium Firefox Safari Gmail Photoshop Excel PowerPoint Siri Alexa ' +
    'Cortana ChatGPT Fortnite Minecraft Bitcoin Ethereum Dogecoin Litecoin ' +
    // medicines by brand
    'Viagra Xanax OxyContin Adderall Ambien Prozac Valium Narcan Suboxone Percocet Vicodin Tylenol Advil Ozempic Wegovy ' +
    'Botox Humira Lipitor Zoloft Tamiflu Paxlovid Ritalin Benadryl'
  ).split(' '),
);
