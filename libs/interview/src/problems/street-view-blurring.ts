import type { ProblemDefinition } from '../problem';

export const streetViewBlurring: ProblemDefinition = {
  slug: 'street-view-blurring',
  title: 'Street-view image blurring',
  summary: 'Detect and blur faces and licence plates in street-level imagery.',
  prompt:
    'A mapping company drives camera cars through cities and publishes the street-level photos so people can explore places online. ' +
    'To protect privacy, every face and licence plate must be blurred before an image is published. ' +
    'Design the ML system that finds these regions in the collected images so they can be blurred, and explain how it is trained, evaluated and operated.',
  taskType: 'detection',
  tags: ['vision', 'privacy', 'batch'],
  difficulty: 'easy',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many images are processed?',
      answer: 'About 50 million new panoramas a month, each around 20 megapixels, on top of an archive of 5 billion.',
    },
    {
      id: 'latency',
      question: 'Does blurring have to happen in real time?',
      answer: 'No. Images are published about two weeks after capture, so processing is offline; a new batch must be fully processed within 48 hours.',
    },
    {
      id: 'labels',
      question: 'Is labelled data available?',
      answer: 'About 1 million images have human-drawn bounding boxes for faces and plates; a labelling team can annotate roughly 20,000 more images a month.',
    },
    {
      id: 'errors',
      question: 'Which error is worse: missing a face or blurring something that is not a face?',
      answer: 'Missing a face or plate is far worse because it is a privacy and legal problem; some over-blurring is acceptable as long as images stay usable.',
    },
    {
      id: 'reports',
      question: 'Can users report problems?',
      answer: 'Yes, users can report an unblurred face or plate, or request extra blurring of their house; about 5,000 reports arrive each week.',
    },
  ],
  metrics: {
    offline: ['recall', 'mAP', 'IoU', 'precision'],
    online: ['user reports', 'serving cost'],
  },
  guide: {
    requirements: {
      probes: ['Which objects must be blurred?', 'Is processing real time or batch?', 'Which error is worse?'],
      followUps: [
        'Should reflections, faces on billboards or plates on parked cars be blurred too? Who decides?',
        'Do privacy laws differ between the countries where images are captured?',
      ],
      strongAnswer:
        'Confirms faces and plates, batch processing with a 48-hour window for ~50 M large panoramas a month, and that recall matters far more than precision because a missed face is a legal risk.',
      redFlags: ['Optimises precision or accuracy without asking which error costs more', 'Designs a real-time service that is not needed'],
    },
    framing: {
      probes: ['What is the input and output of the model?', 'Detection or segmentation?'],
      followUps: [
        'Faces far away can be 10 pixels wide in a 20-megapixel panorama. How does that shape the input you feed the model?',
        'Would you use one detector for both classes or separate ones?',
      ],
      strongAnswer:
        'Object detection: input an image tile, output bounding boxes with class (face, plate) and confidence; a low threshold favours recall, and the boxes are then blurred; panoramas are tiled with overlap so small faces keep enough pixels.',
      redFlags: ['Frames it as whole-image classification', 'Downsamples the whole panorama so small faces vanish'],
    },
    data: {
      probes: ['How do you use the 1 M labelled images?', 'Which augmentations help?'],
      followUps: [
        'Images from a new country have different plate formats and lighting. How do you cover them in the training data?',
        'Small and occluded faces are rare in the labels. How do you deal with this imbalance between easy and hard examples?',
      ],
      strongAnswer:
        'Splits the labelled set by city and capture date so test images are truly unseen, augments with scale, blur, brightness and weather changes, oversamples small and occluded objects, and routes user reports and low-confidence detections to the labelling team to grow the set.',
      redFlags: ['Random split where adjacent frames of the same street land in train and test', 'No plan to collect more labels'],
    },
    model: {
      probes: ['Which detector would you choose and why?', 'What is the loss?'],
      followUps: [
        'A two-stage detector is more accurate on small objects; a one-stage detector is 3× faster. Which suits a batch pipeline with a 48-hour deadline?',
        'Training on millions of high-resolution tiles is slow. How would you distribute training across GPUs?',
      ],
      strongAnswer:
        'Starts from a pretrained detector (e.g. a one-stage model with a feature pyramid) fine-tuned on the labelled tiles with classification plus box-regression losses; since processing is batch, a heavier two-stage model is affordable if it improves small-object recall; trained data-parallel, retrained quarterly or when new regions are added.',
      redFlags: ['Trains from scratch with no pretraining', 'No mention of small-object handling'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'How do you know it works in production?'],
      followUps: [
        'mAP averages over thresholds. What single operating point would you report, given missed faces are the costly error?',
        'How do you evaluate quality across cities, weather and times of day?',
      ],
      strongAnswer:
        'Reports recall at the operating threshold and mAP at IoU 0.5 per class and per object size, sliced by region and conditions; in production tracks the rate of user reports of unblurred faces per million images and the processing cost.',
      redFlags: ['Reports accuracy', 'No slicing by object size or region'],
    },
    serving: {
      probes: ['How is the pipeline organised?', 'How many GPUs does 50 M panoramas in 48 hours need?'],
      followUps: [
        'How do you roll out a new detector safely: run it on about 5 % of a batch alongside the old one, compare recall on audited samples and report rates before switching?',
        'Should the union of the old and new detectors’ boxes be blurred during transition to avoid regressions?',
      ],
      strongAnswer:
        'Images land in blob storage, a batch job tiles them and runs the detector on a GPU fleet (sized from throughput per GPU), merges boxes across tiles with non-maximum suppression, blurs, and writes the published copy; new models run on a 5 % slice first with audit-based checks and a rollback to the previous model.',
      redFlags: ['No way to reprocess images after a model improvement', 'Overwrites the originals with blurred images without keeping a secured copy'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'What happens with a user report?'],
      followUps: [
        'Cameras are upgraded and the fleet moves to new countries. How would you detect that drift and decide when to retrain?',
        'Reports only catch misses people notice. How do you estimate the true miss rate?',
      ],
      strongAnswer:
        'Monitors detections per image by region and camera, confidence distributions, and report rates; audits a random sample of published images each week to estimate the miss rate; fixes reported images immediately and adds them to training; retrains when audits or report rates cross thresholds.',
      redFlags: ['Relies on reports alone', 'No feedback from reports into training data'],
    },
  },
  expectedComponents: ['blob-storage', 'batch-processing', 'object-detector', 'labeling', 'training-pipeline', 'model-registry'],
};
