/**
 * What each tissue looks like to each modality: CT numbers (with contrast phases), MR signal for
 * the usual weightings, X-ray attenuation and ultrasound echogenicity. Values are textbook-ish,
 * chosen so that the demo images read like the real thing, not for physics.
 */

export type Tissue =
  | 'air' | 'lung' | 'fat' | 'soft' | 'muscle' | 'bone' | 'marrow' | 'csf' | 'gray' | 'white' | 'blood'
  | 'myocardium' | 'liver' | 'spleen' | 'kidney' | 'fluid' | 'cartilage' | 'disc' | 'thyroid' | 'bowel';

/** Hounsfield units without contrast. */
const HU: Readonly<Record<Tissue, number>> = {
  air: -1000, lung: -850, fat: -100, soft: 40, muscle: 50, bone: 1000, marrow: 250, csf: 8, gray: 40,
  white: 28, blood: 40, myocardium: 45, liver: 60, spleen: 50, kidney: 35, fluid: 5, cartilage: 110,
  disc: 80, thyroid: 90, bowel: 35,
};

/** Enhancement after iodinated contrast, by phase. */
const ENHANCED: Readonly<Record<'arterial' | 'venous', Partial<Record<Tissue, number>>>> = {
  arterial: { blood: 320, myocardium: 100, kidney: 150, spleen: 120, liver: 80 },
  venous: { blood: 170, myocardium: 90, kidney: 190, spleen: 120, liver: 110 },
};

export type ContrastPhase = 'none' | 'arterial' | 'venous';

/** CT number of a tissue in a contrast phase. */
export function hounsfield(tissue: Tissue, phase: ContrastPhase): number {
  return (phase === 'none' ? undefined : ENHANCED[phase][tissue]) ?? HU[tissue];
}

/**
 * Linear attenuation relative to water, for projection radiographs. Above soft tissue it rises
 * faster than CT numbers suggest: at radiographic energies calcium absorbs strongly, which is why
 * ribs stand out on a chest film.
 */
export function attenuation(tissue: Tissue): number {
  const hu = HU[tissue];
  return hu <= 100 ? Math.max(0, 1 + hu / 1000) : 1.1 + ((hu - 100) / 1000) * 2.7;
}

export type MrWeighting = 'T1' | 'T2' | 'PD' | 'FLAIR' | 'DWI';

/** Signal on T1, T2 and proton-density weighted images (0–1000). */
const MR_SIGNAL: Readonly<Record<Tissue, readonly [t1: number, t2: number, pd: number]>> = {
  air: [0, 0, 0], lung: [20, 20, 30], fat: [900, 650, 850], soft: [450, 300, 500], muscle: [380, 220, 450],
  bone: [40, 40, 60], marrow: [750, 500, 700], csf: [120, 950, 700], gray: [520, 620, 680], white: [700, 470, 600],
  blood: [60, 60, 80], myocardium: [420, 260, 480], liver: [520, 220, 500], spleen: [430, 420, 560],
  kidney: [420, 560, 600], fluid: [150, 900, 700], cartilage: [420, 500, 650], disc: [380, 800, 650],
  thyroid: [480, 420, 560], bowel: [400, 420, 500],
};

/** How a series is acquired: weighting, fat suppression, gadolinium. */
export interface MrProtocol {
  weighting: MrWeighting;
  fatSuppressed: boolean;
  contrast: boolean;
}

/** MR signal of a tissue under a protocol. */
export function mrSignal(tissue: Tissue, protocol: MrProtocol): number {
  const [t1, t2, pd] = MR_SIGNAL[tissue];
  if (protocol.fatSuppressed && (tissue === 'fat' || tissue === 'marrow')) return 60;
  switch (protocol.weighting) {
    case 'T1':
      // Gadolinium brightens vessels and perfused organs on T1.
      if (protocol.contrast && (tissue === 'blood' || tissue === 'kidney')) return 800;
      return t1;
    case 'T2':
      return t2;
    case 'PD':
      return pd;
    case 'FLAIR':
      return tissue === 'csf' || tissue === 'fluid' ? 60 : t2;
    case 'DWI':
      return tissue === 'csf' || tissue === 'fluid' ? 40 : Math.round(t2 * 0.45);
  }
}

/** Ultrasound echogenicity (0 anechoic – 1 bright); the brightest (bone, gas) also cast shadows. */
const ECHO: Readonly<Record<Tissue, number>> = {
  air: 0.9, lung: 0.8, fat: 0.55, soft: 0.4, muscle: 0.3, bone: 0.95, marrow: 0.2, csf: 0.02, gray: 0.35,
  white: 0.4, blood: 0.03, myocardium: 0.45, liver: 0.45, spleen: 0.42, kidney: 0.35, fluid: 0.02,
  cartilage: 0.1, disc: 0.3, thyroid: 0.6, bowel: 0.5,
};

export function echogenicity(tissue: Tissue): number {
  return ECHO[tissue];
}
